using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace ProfileMedia;

/// <summary>
/// Lets a <see cref="Uri"/> bind to a string URL parameter as the text the user wrote. Left to PowerShell, a Uri
/// becomes <c>Uri.ToString()</c>, which unescapes the path (%20 turns into a space) and so changes the URL.
/// (It cannot also turn property bags into null: PowerShell runs transformations even in its no-coercion binding
/// pass, so every user object would bind here instead of by its URL property.)
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class UrlTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = Unwrap(inputData);
        if (value is IList list && !(value is string))
        {
            var converted = new List<object?>(list.Count);
            foreach (object? item in list)
            {
                converted.Add(TransformOne(item));
            }

            return converted.ToArray();
        }

        return TransformOne(inputData);
    }

    private static object? TransformOne(object? item)
    {
        object? value = Unwrap(item);
        switch (value)
        {
            case Uri uri:
                return uri.OriginalString;
            default:
                return item;
        }
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}

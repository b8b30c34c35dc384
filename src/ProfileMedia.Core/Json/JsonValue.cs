using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;

namespace ProfileMedia.Core.Json;

/// <summary>One immutable JSON value, as read by <see cref="JsonReader"/>.</summary>
/// <remarks>
/// Every accessor answers for every kind, with null, false or an empty list when it does not apply, so that reading an
/// API response whose shape differs from what was expected degrades to "missing" instead of throwing.
/// </remarks>
internal sealed class JsonValue
{
    // Objects with more members than this get a dictionary for lookups; below it a backwards scan is as fast.
    private const int IndexedMemberThreshold = 8;

    private static readonly IReadOnlyList<KeyValuePair<string, JsonValue>> NoProperties =
        new ReadOnlyCollection<KeyValuePair<string, JsonValue>>(Array.Empty<KeyValuePair<string, JsonValue>>());

    private static readonly IReadOnlyList<JsonValue> NoItems = new ReadOnlyCollection<JsonValue>(Array.Empty<JsonValue>());

    private readonly string? text;
    private readonly KeyValuePair<string, JsonValue>[]? members;
    private readonly Dictionary<string, int>? memberIndex;

    private JsonValue(JsonKind kind, string? text, KeyValuePair<string, JsonValue>[]? members, JsonValue[]? items)
    {
        Kind = kind;
        this.text = text;
        this.members = members;
        Properties = members is null ? NoProperties : new ReadOnlyCollection<KeyValuePair<string, JsonValue>>(members);
        Items = items is null ? NoItems : new ReadOnlyCollection<JsonValue>(items);
        if (members is not null && members.Length > IndexedMemberThreshold)
        {
            memberIndex = new Dictionary<string, int>(members.Length, StringComparer.Ordinal);
            for (int i = 0; i < members.Length; i++)
            {
                // Later duplicates overwrite earlier ones: last wins, as in JavaScript's JSON.parse.
                memberIndex[members[i].Key] = i;
            }
        }
    }

    internal static JsonValue True { get; } = new(JsonKind.True, null, null, null);

    internal static JsonValue False { get; } = new(JsonKind.False, null, null, null);

    internal static JsonValue Null { get; } = new(JsonKind.Null, null, null, null);

    /// <summary>The kind of this value.</summary>
    public JsonKind Kind { get; }

    /// <summary>The members of an object in document order, duplicates included; empty for any other kind.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonValue>> Properties { get; }

    /// <summary>The elements of an array in document order; empty for any other kind.</summary>
    public IReadOnlyList<JsonValue> Items { get; }

    /// <summary>
    /// The source text of a number, exactly as written (for example <c>1358867490210734088</c> or <c>-1.5e3</c>), so
    /// that ids too large for a <see cref="double"/> survive; an empty string for any other kind.
    /// </summary>
    public string RawNumber => Kind == JsonKind.Number ? text! : string.Empty;

    /// <summary>
    /// The member called <paramref name="name"/> (ordinal, case-sensitive) of an object; null when there is no such
    /// member or this is not an object. When a name occurs more than once, the last occurrence wins, as in JavaScript.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public JsonValue? this[string name]
    {
        get
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (members is null)
            {
                return null;
            }

            if (memberIndex is not null)
            {
                return memberIndex.TryGetValue(name, out int index) ? members[index].Value : null;
            }

            for (int i = members.Length - 1; i >= 0; i--)
            {
                if (string.Equals(members[i].Key, name, StringComparison.Ordinal))
                {
                    return members[i].Value;
                }
            }

            return null;
        }
    }

    /// <summary>The value of a string, escapes decoded; null for any other kind.</summary>
    public string? GetString() => Kind == JsonKind.String ? text : null;

    /// <summary>
    /// Reads a number written as an integer (no fraction, no exponent) that fits in a <see cref="long"/>.
    /// Strict: <c>1.0</c>, <c>1e3</c> and the string <c>"123"</c> all answer false.
    /// </summary>
    public bool TryGetInt64(out long value)
    {
        if (Kind == JsonKind.Number)
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        return false;
    }

    /// <summary>True or false for the literals <c>true</c> and <c>false</c>; null for any other kind.</summary>
    public bool? GetBoolean() => Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        _ => null,
    };

    /// <summary>
    /// A short description for logs and the console: the text of a string, the source text of a number, the literal
    /// itself, or the kind and size of a container. Not JSON.
    /// </summary>
    public override string ToString() => Kind switch
    {
        JsonKind.String or JsonKind.Number => text!,
        JsonKind.True => "true",
        JsonKind.False => "false",
        JsonKind.Null => "null",
        JsonKind.Object => "Object(" + Properties.Count.ToString(CultureInfo.InvariantCulture) + ")",
        _ => "Array(" + Items.Count.ToString(CultureInfo.InvariantCulture) + ")",
    };

    internal static JsonValue FromString(string value) => new(JsonKind.String, value, null, null);

    internal static JsonValue FromRawNumber(string rawNumber) => new(JsonKind.Number, rawNumber, null, null);

    internal static JsonValue FromMembers(KeyValuePair<string, JsonValue>[] members) => new(JsonKind.Object, null, members, null);

    internal static JsonValue FromItems(JsonValue[] items) => new(JsonKind.Array, null, null, items);
}

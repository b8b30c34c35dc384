using System;
using System.Globalization;
using System.Management.Automation;

namespace ProfileMedia.Input;

/// <summary>Checks a TimeSpan parameter against a range; ValidateRange cannot take TimeSpan bounds in PowerShell 5.1.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateTimeSpanAttribute : ValidateArgumentsAttribute
{
    /// <summary>Bounds as TimeSpan text, such as "00:00:01" and "1.00:00:00".</summary>
    public ValidateTimeSpanAttribute(string minimum, string maximum)
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    /// <summary>The smallest value allowed.</summary>
    public TimeSpan Minimum { get; }

    /// <summary>The largest value allowed.</summary>
    public TimeSpan Maximum { get; }

    /// <inheritdoc />
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value is TimeSpan span && (span < Minimum || span > Maximum))
        {
            throw new ValidationMetadataException(string.Format(CultureInfo.InvariantCulture, "The time span {0} is outside the allowed range {1} to {2}.", span, Minimum, Maximum));
        }
    }
}

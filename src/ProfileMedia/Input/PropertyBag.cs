using System.Collections;
using System.Management.Automation;

namespace ProfileMedia.Input;

/// <summary>
/// Reads values from the property bags users pipe in (ConvertFrom-Json and Import-Csv objects, deserialized objects,
/// hashtables), trying each of a property's spellings (snake_case from the API, PascalCase from this module) in order.
/// </summary>
internal static class PropertyBag
{
    /// <summary>The first of <paramref name="names"/> the bag has with a value, as text; null when none has.</summary>
    public static string? Text(PSObject bag, params string[] names) => Value(bag, names) is object found ? found.ToString() : null;

    /// <summary>The first of <paramref name="names"/> the table has with a value, as text; null when none has.</summary>
    public static string? Text(IDictionary table, params string[] names) => Value(table, names)?.ToString();

    /// <summary>The first of <paramref name="names"/> the bag has with a value, unwrapped; null when none has.</summary>
    public static object? Value(PSObject bag, params string[] names)
    {
        foreach (string name in names)
        {
            if (bag.Properties[name]?.Value is object found)
            {
                return found is PSObject wrapped ? wrapped.BaseObject : found;
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="names"/> the table has with a value, unwrapped; null when none has.</summary>
    public static object? Value(IDictionary table, params string[] names)
    {
        foreach (string name in names)
        {
            if (table.Contains(name) && table[name] is object found)
            {
                return found is PSObject wrapped ? wrapped.BaseObject : found;
            }
        }

        return null;
    }

    /// <summary>True when the bag has a property of that name, whatever its value.</summary>
    public static bool Has(PSObject bag, string name) => bag.Properties[name] != null;
}

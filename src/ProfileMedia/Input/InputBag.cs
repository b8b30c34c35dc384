using System.Collections;
using System.Management.Automation;

namespace ProfileMedia.Input;

/// <summary>
/// The properties of a piped object, read alike whether it is an object (ConvertFrom-Json, Import-Csv, Import-Clixml)
/// or a hashtable (ConvertFrom-Json -AsHashtable), each name tried in the order given.
/// </summary>
internal readonly struct InputBag
{
    private readonly PSObject? _object;
    private readonly IDictionary? _table;

    public InputBag(PSObject bag)
    {
        _object = bag;
        _table = null;
    }

    public InputBag(IDictionary table)
    {
        _object = null;
        _table = table;
    }

    /// <summary>A bag for <paramref name="input"/> when it is a property bag (a PSCustomObject or a dictionary); false for anything else.</summary>
    public static bool TryOf(object? input, out InputBag bag)
    {
        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case IDictionary table:
                bag = new InputBag(table);
                return true;
            case PSCustomObject _:
                bag = new InputBag((PSObject)input!);
                return true;
            default:
                bag = default;
                return false;
        }
    }

    /// <summary>The first of <paramref name="names"/> with a value, as text; null when none has.</summary>
    public string? Text(params string[] names) => _table != null ? PropertyBag.Text(_table, names) : PropertyBag.Text(_object!, names);

    /// <summary>The first of <paramref name="names"/> with a value, unwrapped; null when none has.</summary>
    public object? Value(params string[] names) => _table != null ? PropertyBag.Value(_table, names) : PropertyBag.Value(_object!, names);

    /// <summary>True when the bag has a property of that name, whatever its value.</summary>
    public bool Has(string name) => _table != null ? _table.Contains(name) : PropertyBag.Has(_object!, name);

    /// <summary>The property <paramref name="name"/> when it is itself a property bag (a nested object); false otherwise.</summary>
    public bool TryNested(string name, out InputBag nested)
    {
        object? value = _table != null ? (_table.Contains(name) ? _table[name] : null) : _object!.Properties[name]?.Value;
        return TryOf(value, out nested);
    }
}

using System.Diagnostics.CodeAnalysis;

namespace ProfileMedia.Core.Json;

/// <summary>The kind of a JSON value (RFC 8259 section 3).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are RFC 8259's own terms.")]
internal enum JsonKind
{
    /// <summary>An object: <c>{ "name": value, … }</c>.</summary>
    Object,

    /// <summary>An array: <c>[ value, … ]</c>.</summary>
    Array,

    /// <summary>A string.</summary>
    String,

    /// <summary>A number, kept as its source text.</summary>
    Number,

    /// <summary>The literal <c>true</c>.</summary>
    True,

    /// <summary>The literal <c>false</c>.</summary>
    False,

    /// <summary>The literal <c>null</c>.</summary>
    Null,
}

using System.Collections.Generic;

namespace ProfileMedia.Emulator.OAuth;

/// <summary>The parts of a received request that its OAuth signature covers.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Scheme">The scheme the request came in on.</param>
/// <param name="Host">The Host header as received, port included.</param>
/// <param name="Path">The path as received, still percent-encoded, without the query.</param>
/// <param name="Authorization">The Authorization header, or null.</param>
/// <param name="Parameters">Query parameters plus, for a form-encoded body, the body's parameters; decoded.</param>
internal sealed record SignedRequest(
    string Method,
    string Scheme,
    string Host,
    string Path,
    string? Authorization,
    IReadOnlyList<KeyValuePair<string, string>> Parameters);

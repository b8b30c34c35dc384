using System;

namespace ProfileMedia.Emulator;

/// <summary>One request the emulator received on the API or media host (control calls are not recorded).</summary>
/// <param name="Time">When the request arrived, by the emulator's clock.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The request target as sent, e.g. "/1.1/users/show.json?screen_name=x".</param>
/// <param name="Status">The status answered; 0 when the client went away before any answer.</param>
/// <param name="HadAuthorization">Whether an Authorization header was present.</param>
/// <param name="ContentLength">The request's Content-Length header, if any.</param>
/// <param name="Fault">The injected fault that answered instead of the emulator ("status", "drop", ...), or null.</param>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Method,
    string PathAndQuery,
    int Status,
    bool HadAuthorization,
    long? ContentLength,
    string? Fault)
{
    /// <summary>
    /// The server's id of the TCP connection the request came on (<c>HttpContext.Connection.Id</c>), so a test or
    /// benchmark can count connections and see reuse; null when unknown. It describes the transport, not the request,
    /// so it is left out of equality: an expected entry built without it still equals the logged one.
    /// </summary>
    public string? ConnectionId { get; init; }

    /// <summary>Equality of every positional member; <see cref="ConnectionId"/> is not compared.</summary>
    public bool Equals(RecordedRequest? other) =>
        other is not null
        && Time.Equals(other.Time)
        && string.Equals(Method, other.Method, StringComparison.Ordinal)
        && string.Equals(PathAndQuery, other.PathAndQuery, StringComparison.Ordinal)
        && Status == other.Status
        && HadAuthorization == other.HadAuthorization
        && ContentLength == other.ContentLength
        && string.Equals(Fault, other.Fault, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Time, Method, PathAndQuery, Status, HadAuthorization, ContentLength, Fault);
}

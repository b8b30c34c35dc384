using System;

using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Api;

/// <summary>
/// A v2 failure body: a problem object <c>{"title","detail","type","status"}</c>, sometimes with <c>reason</c> or
/// <c>period</c>. <see cref="Name"/> is the last segment of <c>type</c>, so the older api.twitter.com and the newer api.x.com
/// type URIs read the same; "about:blank" is the generic HTTP kind.
/// </summary>
public sealed class XApiProblem
{
    /// <summary>Creates a problem from the fields of its body.</summary>
    internal XApiProblem(string type, string? title, string? detail, int? status, string? reason, string? period)
    {
        Type = type;
        Name = NameOf(type);
        Title = title;
        Detail = detail;
        Status = status;
        Reason = reason;
        Period = period;
    }

    /// <summary>The type URI as sent.</summary>
    public string Type { get; }

    /// <summary>The last path segment of <see cref="Type"/> ("client-forbidden", "usage-capped"), or "about:blank".</summary>
    public string Name { get; }

    /// <summary>The short summary ("Client Forbidden").</summary>
    public string? Title { get; }

    /// <summary>The service's explanation.</summary>
    public string? Detail { get; }

    /// <summary>The HTTP status the body names, when it names one.</summary>
    public int? Status { get; }

    /// <summary>The finer cause of some types ("client-not-enrolled").</summary>
    public string? Reason { get; }

    /// <summary>The cap period of usage-capped ("Monthly").</summary>
    public string? Period { get; }

    /// <summary>True for a v2 "resource-not-found" (a missing or suspended user).</summary>
    public bool IsNotFound => Name == "resource-not-found";

    /// <inheritdoc />
    // The service's words, with control characters made visible: no ESC or CR from a body reaches a terminal.
    public override string ToString() => MessageText.Escape(
        Name + (Reason == null ? string.Empty : " (" + Reason + ")") + ": " + Title + (string.IsNullOrEmpty(Detail) || Detail == Title ? string.Empty : ": " + Detail));

    private static string NameOf(string type)
    {
        if (!type.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return type;
        }

        string trimmed = type.TrimEnd('/');
        return trimmed.Substring(trimmed.LastIndexOf('/') + 1);
    }
}

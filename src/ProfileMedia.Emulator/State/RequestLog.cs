using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// Every API and media request, so tests can assert what the module sent ("nothing under -WhatIf", "exactly two attempts").
/// Bounded so a long benchmark run cannot grow it without limit.
/// </summary>
internal sealed class RequestLog(TextWriter? echo)
{
    private readonly BoundedLog<RecordedRequest> _entries = new(100_000);

    public void Add(RecordedRequest request)
    {
        _entries.Add(request);

        echo?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Time:O} {request.Method} {request.PathAndQuery} -> {request.Status}{(request.Fault is null ? string.Empty : " (fault: " + request.Fault + ")")}"));
    }

    public IReadOnlyList<RecordedRequest> Snapshot() => _entries.Snapshot();

    public void Clear() => _entries.Clear();
}

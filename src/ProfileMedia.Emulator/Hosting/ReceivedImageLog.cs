using System.Collections.Generic;
using ProfileMedia.Emulator.Media;

namespace ProfileMedia.Emulator.Hosting;

/// <summary>One picture an upload endpoint accepted, as its header declares it.</summary>
/// <param name="Endpoint">"update_profile_image" or "update_profile_banner".</param>
/// <param name="Format">The format by its magic bytes.</param>
/// <param name="Width">The width its header declares.</param>
/// <param name="Height">The height its header declares.</param>
/// <param name="Bytes">The file's size.</param>
internal sealed record ReceivedImage(string Endpoint, ImageFormat Format, int Width, int Height, int Bytes);

/// <summary>
/// The pictures accepted by the upload endpoints, so a test can compare what arrived with what the module announced
/// (Set-ProfileImage -Fit -WhatIf against the real upload). Bounded like the request log.
/// </summary>
internal sealed class ReceivedImageLog
{
    private const int Capacity = 10_000;
    private readonly object _gate = new();
    private readonly Queue<ReceivedImage> _entries = new();

    public void Add(ReceivedImage image)
    {
        lock (_gate)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(image);
        }
    }

    public IReadOnlyList<ReceivedImage> Snapshot()
    {
        lock (_gate)
        {
            return _entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}

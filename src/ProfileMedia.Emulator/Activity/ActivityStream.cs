using System;
using System.Threading;
using System.Threading.Channels;

namespace ProfileMedia.Emulator.Activity;

/// <summary>One open GET /2/activity/stream connection: the frames waiting to be written, and a way to drop it.</summary>
internal sealed class ActivityStream : IDisposable
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _dropped = new();

    /// <summary>The frames to write, in order: events and, when the service closes the stream, its error object.</summary>
    public ChannelReader<byte[]> Frames => _frames.Reader;

    /// <summary>Cancelled when the emulator drops the connection (as the service does now and then).</summary>
    public CancellationToken Dropped => _dropped.Token;

    public void Send(byte[] frame) => _frames.Writer.TryWrite(frame);

    /// <summary>Sends <paramref name="frame"/> last and ends the stream cleanly after it.</summary>
    public void Close(byte[] frame)
    {
        _frames.Writer.TryWrite(frame);
        _frames.Writer.TryComplete();
    }

    public void Drop()
    {
        try
        {
            _dropped.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already over.
        }
    }

    public void Dispose() => _dropped.Dispose();
}

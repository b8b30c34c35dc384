using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ProfileMedia.Core.Activity;

/// <summary>
/// Splits the activity stream into frames: the bytes up to each "\r\n" (a lone "\n" is taken too). An empty frame is
/// a keep-alive. A frame may arrive across several reads and several frames in one read.
/// </summary>
internal sealed class ActivityFrameReader
{
    /// <summary>No event comes near this; a longer line means the stream is not what it should be.</summary>
    public const int MaxFrameBytes = 1024 * 1024;

    private readonly Stream _stream;
    private byte[] _data = new byte[16384];
    private int _length;
    private int _scanned;

    public ActivityFrameReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>The next frame without its separator; empty for a keep-alive; null when the stream ended.</summary>
    /// <exception cref="InvalidDataException">A line longer than <see cref="MaxFrameBytes"/>.</exception>
    public async Task<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int newline = Array.IndexOf(_data, (byte)'\n', _scanned, _length - _scanned);
            if (newline >= 0)
            {
                int end = newline > 0 && _data[newline - 1] == (byte)'\r' ? newline - 1 : newline;
                byte[] frame = new byte[end];
                Buffer.BlockCopy(_data, 0, frame, 0, end);
                _length -= newline + 1;
                Buffer.BlockCopy(_data, newline + 1, _data, 0, _length);
                _scanned = 0;
                return frame;
            }

            _scanned = _length;
            if (_length == _data.Length)
            {
                if (_data.Length >= MaxFrameBytes)
                {
                    throw new InvalidDataException("The activity stream sent a line longer than " + MaxFrameBytes + " bytes without a separator.");
                }

                Array.Resize(ref _data, _data.Length * 2);
            }

            int read = await _stream.ReadAsync(_data, _length, _data.Length - _length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _length += read;
        }
    }
}

using System;
using System.IO;

namespace ProfileMedia.Core.Images;

/// <summary>
/// Reads a stream forward through one buffer, a byte at a time without a call per byte, so walking the entropy-coded
/// data of a 5 MB JPEG costs a pass over memory. Skips seek when the stream can, and read past otherwise.
/// </summary>
internal sealed class ForwardReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[65536];
    private int _index;
    private int _count;
    private long _consumedBefore;

    public ForwardReader(Stream stream) => _stream = stream;

    /// <summary>How many bytes have been read or skipped from where the reader started.</summary>
    public long Position => _consumedBefore + _index;

    /// <summary>How many bytes the last <see cref="Peek"/> found.</summary>
    public int Peeked { get; private set; }

    /// <summary>The next bytes, at most <paramref name="count"/> (fewer when the data ends), without consuming them.</summary>
    public byte[] Peek(int count)
    {
        while (_count - _index < count && Fill(keep: true))
        {
        }

        Peeked = Math.Min(count, _count - _index);
        byte[] bytes = new byte[count];
        Buffer.BlockCopy(_buffer, _index, bytes, 0, Peeked);
        return bytes;
    }

    /// <summary>The next byte, or -1 at the end of the data.</summary>
    public int Next()
    {
        if (_index == _count && !Fill(keep: false))
        {
            return -1;
        }

        return _buffer[_index++];
    }

    /// <summary>A 2-byte big-endian number, or -1 when the data ends first.</summary>
    public long UInt16BigEndian()
    {
        int high = Next();
        int low = Next();
        return low < 0 ? -1 : (high << 8) | low;
    }

    /// <summary>A 4-byte big-endian number, or -1 when the data ends first.</summary>
    public long UInt32BigEndian()
    {
        long value = 0;
        for (int i = 0; i < 4; i++)
        {
            int b = Next();
            if (b < 0)
            {
                return -1;
            }

            value = (value << 8) | (uint)b;
        }

        return value;
    }

    /// <summary>A 4-byte little-endian number, or -1 when the data ends first.</summary>
    public long UInt32LittleEndian()
    {
        long value = 0;
        for (int i = 0; i < 4; i++)
        {
            int b = Next();
            if (b < 0)
            {
                return -1;
            }

            value |= (long)b << (8 * i);
        }

        return value;
    }

    /// <summary>
    /// Passes over the bytes before the next <paramref name="value"/>, leaving it to be read next; false when the data
    /// ends first. Searches a buffer at a time, so a JPEG's megabytes of entropy-coded data are not walked byte by byte.
    /// </summary>
    public bool SkipTo(byte value)
    {
        while (true)
        {
            int found = Array.IndexOf(_buffer, value, _index, _count - _index);
            if (found >= 0)
            {
                _index = found;
                return true;
            }

            _index = _count;
            if (!Fill(keep: false))
            {
                return false;
            }
        }
    }

    /// <summary>Passes over <paramref name="count"/> bytes; false when the data ends first.</summary>
    public bool Skip(long count)
    {
        long inBuffer = Math.Min(count, _count - _index);
        _index += (int)inBuffer;
        count -= inBuffer;
        if (count == 0)
        {
            return true;
        }

        if (_stream.CanSeek)
        {
            long left = _stream.Length - _stream.Position;
            long moved = Math.Min(count, left);
            _stream.Seek(moved, SeekOrigin.Current);
            _consumedBefore += moved;
            return moved == count;
        }

        while (count > 0)
        {
            if (!Fill(keep: false))
            {
                return false;
            }

            int step = (int)Math.Min(count, _count);
            _index = step;
            count -= step;
        }

        return true;
    }

    // Reads more into the buffer: after what is unread when keep is set (a peek), else in place of what was read.
    private bool Fill(bool keep)
    {
        if (keep && _index > 0)
        {
            Buffer.BlockCopy(_buffer, _index, _buffer, 0, _count - _index);
            _consumedBefore += _index;
            _count -= _index;
            _index = 0;
        }
        else if (!keep)
        {
            _consumedBefore += _count;
            _index = 0;
            _count = 0;
        }

        if (_count == _buffer.Length)
        {
            return false;
        }

        int read = _stream.Read(_buffer, _count, _buffer.Length - _count);
        _count += read;
        return read > 0;
    }
}

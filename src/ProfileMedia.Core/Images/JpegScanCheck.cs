using System;
using System.Globalization;
using System.IO;

namespace ProfileMedia.Core.Images;

/// <summary>
/// Reads a JPEG's declared size, and checks that its scans hold the blocks its header declares, without decoding a
/// pixel. libjpeg (inside Skia) answers damaged scan data by warning and going on: the missing rest of a short scan
/// becomes flat grey and scrambled codes become coloured garbage, and Skia reports success for both. So a Huffman-coded
/// sequential scan is walked code by code here, as a decoder would (DC and AC codes, restart markers), and must end
/// exactly where its last block does; a progressive scan must at least hold one bit per block of its first DC pass.
/// Arithmetic-coded and lossless JPEGs (rare) are not walked.
/// </summary>
internal static class JpegScanCheck
{
    private const int MarkerSof0 = 0xC0;
    private const int MarkerSof1 = 0xC1;
    private const int MarkerSof2 = 0xC2;
    private const int MarkerDht = 0xC4;
    private const int MarkerSos = 0xDA;
    private const int MarkerDri = 0xDD;
    private const int MarkerEoi = 0xD9;

    /// <summary>The width and height the first frame header (SOFn) declares; null when there is none.</summary>
    public static (int Width, int Height)? ReadSize(Stream content)
    {
        var reader = new ForwardReader(content ?? throw new ArgumentNullException(nameof(content)));
        if (reader.Next() != 0xFF || reader.Next() != 0xD8)
        {
            return null;
        }

        for (int marker = NextMarker(reader); marker >= 0 && marker != MarkerSos && marker != MarkerEoi; marker = NextMarker(reader))
        {
            long length = reader.UInt16BigEndian();
            if (length < 2)
            {
                return null;
            }

            if (IsFrameHeader(marker))
            {
                reader.Next(); // sample precision
                long height = reader.UInt16BigEndian();
                long width = reader.UInt16BigEndian();
                return width < 0 ? null : ((int)width, (int)height);
            }

            if (!reader.Skip(length - 2))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Null when every scan holds what the header declares (or the coding is not one walked here), else what is wrong, as a clause.</summary>
    public static string? FindDamage(Stream content)
    {
        var reader = new ForwardReader(content ?? throw new ArgumentNullException(nameof(content)));
        if (reader.Next() != 0xFF || reader.Next() != 0xD8)
        {
            return "it does not start with a JPEG start-of-image marker";
        }

        Frame? frame = null;
        var tables = new HuffmanTable?[8]; // DC 0-3, AC 4-7
        int restartInterval = 0;
        bool scanned = false;
        int marker = NextMarker(reader);
        while (marker >= 0 && marker != MarkerEoi)
        {
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            {
                marker = NextMarker(reader); // TEM or a stray restart marker: nothing follows
                continue;
            }

            long length = reader.UInt16BigEndian();
            if (length < 2)
            {
                return "a segment's length is damaged";
            }

            if (IsFrameHeader(marker))
            {
                if (marker != MarkerSof0 && marker != MarkerSof1 && marker != MarkerSof2)
                {
                    return null; // arithmetic-coded or lossless: not walked here
                }

                frame = Frame.Read(reader, marker == MarkerSof2, (int)length - 2);
                if (frame == null)
                {
                    return "its frame header is damaged";
                }
            }
            else if (marker == MarkerDht)
            {
                if (!HuffmanTable.ReadSegment(reader, (int)length - 2, tables))
                {
                    return "a Huffman table is damaged";
                }
            }
            else if (marker == MarkerDri)
            {
                restartInterval = (int)reader.UInt16BigEndian();
                if (restartInterval < 0 || !reader.Skip(length - 4))
                {
                    return "its restart interval is damaged";
                }
            }
            else if (marker == MarkerSos)
            {
                if (frame == null)
                {
                    return "a scan comes before any frame header";
                }

                var scan = Scan.Read(reader, frame, (int)length - 2);
                if (scan == null)
                {
                    return "a scan header is damaged";
                }

                var bits = new ScanBits(reader);
                string? damage = frame.Progressive
                    ? CheckProgressiveScan(frame, scan, bits)
                    : CheckSequentialScan(frame, scan, tables, restartInterval, bits);
                if (damage != null)
                {
                    return damage;
                }

                scanned = true;
                marker = bits.Marker;
                continue;
            }
            else if (!reader.Skip(length - 2))
            {
                return null; // cut short: the structure check says so, in its own words
            }

            marker = NextMarker(reader);
        }

        return scanned || marker < 0 ? null : "it has no scan data at all";
    }

    private static bool IsFrameHeader(int marker) => marker >= 0xC0 && marker <= 0xCF && marker != MarkerDht && marker != 0xC8 && marker != 0xCC;

    // The next marker after FF (fill bytes skipped), or -1 when the data ends; bytes before an FF are skipped as decoders do.
    private static int NextMarker(ForwardReader reader)
    {
        int b;
        while ((b = reader.Next()) >= 0 && b != 0xFF)
        {
        }

        while (b == 0xFF)
        {
            b = reader.Next();
        }

        return b;
    }

    private static string? CheckSequentialScan(Frame frame, Scan scan, HuffmanTable?[] tables, int restartInterval, ScanBits bits)
    {
        foreach (int c in scan.Components)
        {
            if (tables[scan.DcTable[c]] == null || tables[4 + scan.AcTable[c]] == null)
            {
                return "a scan uses a Huffman table that was never defined";
            }
        }

        long mcus = scan.McuCount(frame);
        long blocks = 0;
        long declared = mcus * scan.BlocksPerMcu(frame);
        for (long m = 0; m < mcus; m++)
        {
            if (restartInterval > 0 && m > 0 && m % restartInterval == 0)
            {
                int expected = 0xD0 + (int)((m / restartInterval - 1) % 8);
                if (!bits.Restart(expected))
                {
                    return Short(frame, blocks, declared, "a restart marker is missing or out of order");
                }
            }

            foreach (int c in scan.Components)
            {
                int count = scan.Components.Length == 1 ? 1 : frame.H[c] * frame.V[c];
                for (int b = 0; b < count; b++, blocks++)
                {
                    string? wrong = Block(bits, tables[scan.DcTable[c]]!, tables[4 + scan.AcTable[c]]!);
                    if (wrong != null || bits.Ended)
                    {
                        return Short(frame, blocks, declared, wrong);
                    }
                }
            }
        }

        long extra = bits.BytesBeforeMarker();
        return extra > 0
            ? string.Format(CultureInfo.InvariantCulture, "its scan data goes on for {0:N0} bytes after the last of the {1:N0} blocks its {2}x{3} header declares", extra, declared, frame.Width, frame.Height)
            : null;
    }

    // One 8x8 block's codes: the DC difference's size and bits, then AC run/size codes until end-of-block or the 64th
    // coefficient. Null when whole or when the bits ran out (the caller tells that by ScanBits.Ended), else what is wrong.
    private static string? Block(ScanBits bits, HuffmanTable dc, HuffmanTable ac)
    {
        int size = dc.Decode(bits);
        if (size < 0)
        {
            return bits.Ended ? null : "an invalid Huffman code";
        }

        if (size > 11)
        {
            return "a DC difference larger than any sample allows";
        }

        if (!bits.Skip(size))
        {
            return null;
        }

        for (int k = 1; k < 64;)
        {
            int rs = ac.Decode(bits);
            if (rs < 0)
            {
                return bits.Ended ? null : "an invalid Huffman code";
            }

            int run = rs >> 4;
            int bitsOfValue = rs & 15;
            if (bitsOfValue == 0)
            {
                if (run != 15)
                {
                    return null; // end of block
                }

                k += 16;
                if (k > 64)
                {
                    return "a run of zeros past the end of a block";
                }

                continue;
            }

            k += run;
            if (k > 63)
            {
                return "a coefficient past the end of a block";
            }

            if (!bits.Skip(bitsOfValue))
            {
                return null;
            }

            k++;
        }

        return null;
    }

    private static string Short(Frame frame, long blocks, long declared, string? wrong) =>
        wrong == null
            ? string.Format(CultureInfo.InvariantCulture, "its scan data ends after {0:N0} of the {1:N0} blocks its {2}x{3} header declares", blocks, declared, frame.Width, frame.Height)
            : string.Format(CultureInfo.InvariantCulture, "its scan data is damaged at block {0:N0} of {1:N0} ({2})", blocks + 1, declared, wrong);

    // A progressive scan's codes depend on earlier scans; only its size is checked: a first DC pass needs at least a
    // one-bit code for every block.
    private static string? CheckProgressiveScan(Frame frame, Scan scan, ScanBits bits)
    {
        long bytes = bits.BytesBeforeMarker(acrossRestarts: true);
        if (scan.SpectralStart != 0 || scan.ApproximationHigh != 0)
        {
            return null;
        }

        long declared = scan.McuCount(frame) * scan.BlocksPerMcu(frame);
        return bytes * 8 < declared
            ? string.Format(CultureInfo.InvariantCulture, "its first scan holds {0:N0} bytes, too few for the {1:N0} blocks its {2}x{3} header declares", bytes, declared, frame.Width, frame.Height)
            : null;
    }

    private sealed class Frame
    {
        public bool Progressive { get; private set; }

        public int Width { get; private set; }

        public int Height { get; private set; }

        public int[] Ids { get; private set; } = Array.Empty<int>();

        public int[] H { get; private set; } = Array.Empty<int>();

        public int[] V { get; private set; } = Array.Empty<int>();

        public int MaxH { get; private set; }

        public int MaxV { get; private set; }

        public static Frame? Read(ForwardReader reader, bool progressive, int length)
        {
            reader.Next(); // precision
            int height = (int)reader.UInt16BigEndian();
            int width = (int)reader.UInt16BigEndian();
            int count = reader.Next();
            if (width <= 0 || height <= 0 || count < 1 || count > 4 || length != 6 + (3 * count))
            {
                return null;
            }

            var frame = new Frame { Progressive = progressive, Width = width, Height = height, Ids = new int[count], H = new int[count], V = new int[count] };
            for (int i = 0; i < count; i++)
            {
                frame.Ids[i] = reader.Next();
                int sampling = reader.Next();
                reader.Next(); // quantization table
                frame.H[i] = sampling >> 4;
                frame.V[i] = sampling & 15;
                if (frame.H[i] < 1 || frame.H[i] > 4 || frame.V[i] < 1 || frame.V[i] > 4)
                {
                    return null;
                }

                frame.MaxH = Math.Max(frame.MaxH, frame.H[i]);
                frame.MaxV = Math.Max(frame.MaxV, frame.V[i]);
            }

            return frame;
        }
    }

    private sealed class Scan
    {
        public int[] Components { get; private set; } = Array.Empty<int>();

        public int[] DcTable { get; } = new int[4];

        public int[] AcTable { get; } = new int[4];

        public int SpectralStart { get; private set; }

        public int ApproximationHigh { get; private set; }

        public static Scan? Read(ForwardReader reader, Frame frame, int length)
        {
            int count = reader.Next();
            if (count < 1 || count > 4 || length != 4 + (2 * count))
            {
                return null;
            }

            var scan = new Scan { Components = new int[count] };
            for (int i = 0; i < count; i++)
            {
                int id = reader.Next();
                int tables = reader.Next();
                int index = Array.IndexOf(frame.Ids, id);
                if (index < 0 || (tables >> 4) > 3 || (tables & 15) > 3)
                {
                    return null;
                }

                scan.Components[i] = index;
                scan.DcTable[index] = tables >> 4;
                scan.AcTable[index] = tables & 15;
            }

            scan.SpectralStart = reader.Next();
            reader.Next(); // spectral end
            scan.ApproximationHigh = reader.Next() >> 4;
            return scan;
        }

        // A scan of one component goes block by block over that component's own size; an interleaved scan goes
        // MCU by MCU over the whole picture (ITU T.81, A.2).
        public long McuCount(Frame frame)
        {
            if (Components.Length == 1)
            {
                int c = Components[0];
                long width = Ceiling(Ceiling(frame.Width * (long)frame.H[c], frame.MaxH), 8);
                long height = Ceiling(Ceiling(frame.Height * (long)frame.V[c], frame.MaxV), 8);
                return width * height;
            }

            return Ceiling(frame.Width, 8L * frame.MaxH) * Ceiling(frame.Height, 8L * frame.MaxV);
        }

        public int BlocksPerMcu(Frame frame)
        {
            if (Components.Length == 1)
            {
                return 1;
            }

            int blocks = 0;
            foreach (int c in Components)
            {
                blocks += frame.H[c] * frame.V[c];
            }

            return blocks;
        }

        private static long Ceiling(long value, long divisor) => (value + divisor - 1) / divisor;
    }

    /// <summary>A canonical Huffman code (ITU T.81, F.2.2.3): the largest code of each length and where its values start.</summary>
    private sealed class HuffmanTable
    {
        private readonly int[] _maxCode = new int[18];
        private readonly int[] _valueOffset = new int[17];
        private const int FastBits = 9;
        private readonly int[] _fast = new int[1 << FastBits];
        private readonly byte[] _values;

        private HuffmanTable(byte[] counts, byte[] values)
        {
            _values = values;
            BuildFast(counts);
            int code = 0;
            int index = 0;
            for (int length = 1; length <= 16; length++)
            {
                _valueOffset[length] = index - code;
                code += counts[length - 1];
                index += counts[length - 1];
                _maxCode[length] = counts[length - 1] == 0 ? -1 : code - 1;
                code <<= 1;
            }

            _maxCode[17] = int.MaxValue;
        }

        // Every table of a DHT segment, into slots 0-3 (DC) and 4-7 (AC).
        public static bool ReadSegment(ForwardReader reader, int length, HuffmanTable?[] tables)
        {
            while (length > 0)
            {
                int classAndId = reader.Next();
                if (classAndId < 0 || (classAndId >> 4) > 1 || (classAndId & 15) > 3 || length < 17)
                {
                    return false;
                }

                byte[] counts = new byte[16];
                int total = 0;
                for (int i = 0; i < 16; i++)
                {
                    int n = reader.Next();
                    if (n < 0)
                    {
                        return false;
                    }

                    counts[i] = (byte)n;
                    total += n;
                }

                if (total > 256 || length < 17 + total)
                {
                    return false;
                }

                byte[] values = new byte[total];
                for (int i = 0; i < total; i++)
                {
                    values[i] = (byte)reader.Next();
                }

                tables[((classAndId >> 4) * 4) + (classAndId & 15)] = new HuffmanTable(counts, values);
                length -= 17 + total;
            }

            return length == 0;
        }

        /// <summary>The next value, or -1 for a code no value has, or when the bits ran out (<see cref="ScanBits.Ended"/>).</summary>
        public int Decode(ScanBits bits)
        {
            int available = bits.Ensure(16);
            if (available == 0)
            {
                bits.End();
                return -1;
            }

            // Codes of up to 9 bits (nearly all) in one look; bits past the end read as zeros and are checked below.
            int entry = _fast[bits.Peek(FastBits)];
            int length = entry >> 8;
            if (length != 0)
            {
                if (length > available)
                {
                    bits.End();
                    return -1;
                }

                bits.Consume(length);
                return entry & 0xFF;
            }

            for (length = FastBits + 1; length <= 16; length++)
            {
                if (length > available)
                {
                    bits.End();
                    return -1;
                }

                int code = bits.Peek(length);
                if (code <= _maxCode[length])
                {
                    int at = _valueOffset[length] + code;
                    bits.Consume(length);
                    return at < _values.Length ? _values[at] : -1;
                }
            }

            return -1;
        }

        // For every 9-bit prefix whose code is at most 9 bits long: (length << 8) | value; 0 otherwise.
        private void BuildFast(byte[] counts)
        {
            int code = 0;
            int index = 0;
            for (int length = 1; length <= FastBits; length++)
            {
                for (int i = 0; i < counts[length - 1]; i++, code++, index++)
                {
                    if (index >= _values.Length)
                    {
                        return;
                    }

                    int first = code << (FastBits - length);
                    for (int fill = 0; fill < 1 << (FastBits - length); fill++)
                    {
                        _fast[first + fill] = (length << 8) | _values[index];
                    }
                }

                code <<= 1;
            }
        }
    }

    /// <summary>
    /// The entropy-coded bits of one scan, most significant first, through a 64-bit buffer: stuffed FF 00 read as FF,
    /// and any other marker the end of the bits.
    /// </summary>
    private sealed class ScanBits
    {
        private readonly ForwardReader _reader;
        private ulong _bits; // the next _count bits, from the top
        private int _count;
        private bool _atMarker;

        public ScanBits(ForwardReader reader) => _reader = reader;

        /// <summary>True once a marker (or the end of the data) was reached where a bit was wanted.</summary>
        public bool Ended { get; private set; }

        /// <summary>The marker that ended the bits, -1 when the data ended.</summary>
        public int Marker { get; private set; } = -1;

        /// <summary>Buffers at least <paramref name="wanted"/> bits when the data has them; returns how many there are.</summary>
        public int Ensure(int wanted)
        {
            while (_count < wanted && _count <= 56 && !_atMarker)
            {
                int b = NextDataByte();
                if (b < 0)
                {
                    break;
                }

                _bits |= (ulong)b << (56 - _count);
                _count += 8;
            }

            return _count;
        }

        /// <summary>The next <paramref name="count"/> bits (1 to 16) as a number, zeros past the end; nothing consumed.</summary>
        public int Peek(int count) => (int)(_bits >> (64 - count));

        public void Consume(int count)
        {
            _bits <<= count;
            _count -= count;
        }

        /// <summary>Marks the bits as run out: a code or value was wanted past the marker.</summary>
        public void End() => Ended = true;

        public bool Skip(int count)
        {
            if (count == 0)
            {
                return true;
            }

            if (Ensure(count) < count)
            {
                Ended = true;
                return false;
            }

            Consume(count);
            return true;
        }

        /// <summary>Drops the padding bits and reads the restart marker, true when it is <paramref name="expected"/>.</summary>
        public bool Restart(int expected)
        {
            DropPadding();
            if (_count > 0 || Ended || (!_atMarker && NextDataByte() >= 0))
            {
                return false; // data where the marker should be
            }

            _atMarker = false;
            return Marker == expected;
        }

        /// <summary>
        /// Drops the padding bits and counts the whole bytes up to the next marker, which is then in <see cref="Marker"/>;
        /// with <paramref name="acrossRestarts"/>, restart markers are passed over and the bytes after them counted too.
        /// </summary>
        public long BytesBeforeMarker(bool acrossRestarts = false)
        {
            DropPadding();
            long count = _count / 8;
            _bits = 0;
            _count = 0;
            while (true)
            {
                while (!_atMarker && NextDataByte() >= 0)
                {
                    count++;
                }

                if (!acrossRestarts || Marker < 0xD0 || Marker > 0xD7)
                {
                    return count;
                }

                _atMarker = false;
            }
        }

        private void DropPadding()
        {
            int padding = _count % 8;
            _bits <<= padding;
            _count -= padding;
        }

        // The next data byte, or -1 at a marker (kept in Marker) or at the end of the data.
        private int NextDataByte()
        {
            int b = _reader.Next();
            if (b == 0xFF)
            {
                int next;
                do
                {
                    next = _reader.Next();
                }
                while (next == 0xFF);

                if (next == 0x00)
                {
                    return 0xFF;
                }

                Marker = next;
                _atMarker = true;
                return -1;
            }

            if (b < 0)
            {
                Marker = -1;
                _atMarker = true;
            }

            return b;
        }
    }
}

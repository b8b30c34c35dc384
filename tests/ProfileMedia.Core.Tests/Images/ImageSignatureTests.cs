using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Tests.Images;

/// <summary>
/// An image is complete when its structure reaches its end marker, wherever that is: data after it (padding, a
/// motion photo's video, a newline) is kept, a missing marker is truncation, and an end marker's bytes inside a
/// segment or chunk are not the end.
/// </summary>
public sealed class ImageSignatureTests
{
    /// <summary>A 1x1 PNG, ending in IEND.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A 1x1 GIF89a with a graphic control extension, ending in the trailer 3B.</summary>
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>
    /// A baseline JPEG's structure: an EXIF segment holding a thumbnail (its own SOI and EOI), the tables, a frame,
    /// then scan data with a stuffed FF 00 and a restart marker, and EOI.
    /// </summary>
    private static readonly byte[] Jpeg = BuildJpeg();

    public static IEnumerable<object[]> EveryFormat() => new[]
    {
        new object[] { "png", Png },
        new object[] { "gif", Gif },
        new object[] { "jpeg", Jpeg },
    };

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void A_whole_image_is_complete_and_ends_at_its_marker(string name, byte[] image)
    {
        Assert.True(ImageSignature.IsComplete(image, image.Length), name);
        Assert.Equal(image.Length, ImageSignature.FindEnd(ImageSignature.Detect(image, image.Length), new MemoryStream(image)));
    }

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void Data_after_the_end_marker_keeps_it_complete(string name, byte[] image)
    {
        foreach (byte[] trailing in new[] { new byte[1], new byte[15], new byte[100_000], "\n"u8.ToArray(), Video() })
        {
            byte[] padded = image.Concat(trailing).ToArray();
            Assert.True(ImageSignature.IsComplete(padded, padded.Length), name + " with " + trailing.Length + " trailing bytes");
            Assert.Equal(image.Length, ImageSignature.FindEnd(ImageSignature.Detect(padded, padded.Length), new MemoryStream(padded)));
        }
    }

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void Every_cut_before_the_end_marker_is_incomplete(string name, byte[] image)
    {
        for (int length = 0; length < image.Length; length++)
        {
            Assert.False(ImageSignature.IsComplete(image, length), name + " cut to " + length + " bytes");
        }
    }

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void A_cut_image_padded_with_zeros_is_incomplete(string name, byte[] image)
    {
        byte[] cut = image.Take(image.Length - 1).Concat(new byte[64]).ToArray();
        Assert.False(ImageSignature.IsComplete(cut, cut.Length), name);
    }

    [Fact]
    public void A_stray_FF_D9_inside_a_segment_is_not_the_end()
    {
        // The EXIF thumbnail's EOI comes first; without the outer EOI the image is cut.
        byte[] cut = Jpeg.Take(Jpeg.Length - 2).ToArray();
        Assert.True(IndexOf(cut, 0xFF, 0xD9) > 0, "the thumbnail's EOI is in the data");
        Assert.False(ImageSignature.IsComplete(cut, cut.Length));
    }

    [Fact]
    public void IEND_bytes_inside_a_chunk_are_not_the_end()
    {
        // A text chunk whose data is "IEND" and its CRC, then the real IEND cut off.
        byte[] iend = Png.Skip(Png.Length - 12).ToArray();
        byte[] fakeChunk = new byte[] { 0, 0, 0, 8, (byte)'t', (byte)'E', (byte)'X', (byte)'t' }.Concat(iend.Skip(4)).Concat(new byte[4]).ToArray();
        byte[] png = Png.Take(Png.Length - 12).Concat(fakeChunk).ToArray();
        Assert.False(ImageSignature.IsComplete(png, png.Length));
        byte[] whole = png.Concat(iend).ToArray();
        Assert.True(ImageSignature.IsComplete(whole, whole.Length));
    }

    [Fact]
    public void A_3B_inside_a_gif_block_is_not_the_end()
    {
        // A comment extension whose text is ";" (3B), then the trailer cut off.
        byte[] body = Gif.Take(Gif.Length - 1).ToArray();
        byte[] comment = { 0x21, 0xFE, 0x01, 0x3B, 0x00 };
        byte[] cut = body.Concat(comment).ToArray();
        Assert.False(ImageSignature.IsComplete(cut, cut.Length));
        Assert.True(ImageSignature.IsComplete(cut.Concat(new byte[] { 0x3B }).ToArray(), cut.Length + 1));
    }

    [Fact]
    public void A_signature_followed_by_html_is_not_an_image()
    {
        foreach (byte[] header in new[] { "GIF89a"u8.ToArray(), new byte[] { 0xFF, 0xD8, 0xFF }, Png.Take(8).ToArray() })
        {
            byte[] page = header.Concat("<!DOCTYPE html><html><body>Not found</body></html>\n"u8.ToArray()).ToArray();
            Assert.False(ImageSignature.IsComplete(page, page.Length));
        }
    }

    [Fact]
    public void A_jpeg_signature_alone_is_incomplete() =>
        Assert.False(ImageSignature.IsComplete(new byte[] { 0xFF, 0xD8, 0xFF }, 3));

    [Fact]
    public void A_stream_that_cannot_seek_is_walked_to_the_same_end()
    {
        byte[] padded = Jpeg.Concat(new byte[200_000]).ToArray();
        Assert.True(ImageSignature.IsComplete(new ForwardOnlyStream(padded)));
        Assert.Equal(Jpeg.Length, ImageSignature.FindEnd(ImageFormat.Jpeg, new ForwardOnlyStream(padded)));
        Assert.False(ImageSignature.IsComplete(new ForwardOnlyStream(Jpeg.Take(Jpeg.Length - 1).ToArray())));
    }

    [Fact]
    public void A_five_megabyte_scan_is_walked_whole()
    {
        // Scan data of 5 MB with stuffed FF 00 pairs and restart markers throughout; the end is found after all of it.
        var scan = new byte[5 * 1024 * 1024];
        var random = new Random(12);
        random.NextBytes(scan);
        for (int i = 0; i < scan.Length - 1; i++)
        {
            if (scan[i] == 0xFF)
            {
                scan[i + 1] = (i % 7 == 0) ? (byte)(0xD0 + (i % 8)) : (byte)0;
                i++;
            }
        }

        if (scan[^1] == 0xFF)
        {
            scan[^1] = 0x12;
        }

        byte[] head = Jpeg.Take(Jpeg.Length - 2).ToArray();
        byte[] image = head.Concat(scan).Concat(new byte[] { 0xFF, 0xD9 }).ToArray();
        Assert.Equal(image.Length, ImageSignature.FindEnd(ImageFormat.Jpeg, new MemoryStream(image)));
        Assert.False(ImageSignature.IsComplete(image, image.Length - 1));
    }

    [Fact]
    public void A_webp_ends_where_its_riff_size_says()
    {
        byte[] webp = "RIFF"u8.ToArray().Concat(new byte[] { 12, 0, 0, 0 }).Concat("WEBPVP8 "u8.ToArray()).Concat(new byte[] { 0, 0, 0, 0 }).ToArray();
        Assert.Equal(ImageFormat.WebP, ImageSignature.Detect(webp, webp.Length));
        Assert.Equal(webp.Length, ImageSignature.FindEnd(ImageFormat.WebP, new MemoryStream(webp.Concat(new byte[100]).ToArray())));
        for (int length = 0; length < webp.Length; length++)
        {
            Assert.False(ImageSignature.IsComplete(webp, length), "webp cut to " + length + " bytes");
        }

        Assert.Equal(-1, ImageSignature.FindEnd(ImageFormat.WebP, new MemoryStream(Png)));
    }

    [Fact]
    public void A_webp_of_odd_size_needs_its_pad_byte()
    {
        // RIFF pads a chunk to an even length: 13 bytes of content are followed by one more before the image ends.
        byte[] webp = "RIFF"u8.ToArray().Concat(new byte[] { 13, 0, 0, 0 }).Concat("WEBPVP8 "u8.ToArray()).Concat(new byte[] { 1, 0, 0, 0, 7 }).ToArray();
        Assert.False(ImageSignature.IsComplete(webp, webp.Length));
        byte[] padded = webp.Concat(new byte[] { 0 }).ToArray();
        Assert.Equal(padded.Length, ImageSignature.FindEnd(ImageFormat.WebP, new MemoryStream(padded.Concat(new byte[9]).ToArray())));
    }

    [Fact]
    public void A_bmp_ends_where_its_file_header_says()
    {
        byte[] bmp = Bmp(declaredSize: true);
        Assert.Equal(ImageFormat.Bmp, ImageSignature.Detect(bmp, bmp.Length));
        Assert.Equal(bmp.Length, ImageSignature.FindEnd(ImageFormat.Bmp, new MemoryStream(bmp.Concat(new byte[50]).ToArray())));
        Assert.Equal(bmp.Length, ImageSignature.FindEnd(ImageFormat.Bmp, new ForwardOnlyStream(bmp.Concat(new byte[50]).ToArray())));
        for (int length = 0; length < bmp.Length; length++)
        {
            Assert.False(ImageSignature.IsComplete(bmp, length), "bmp cut to " + length + " bytes");
        }
    }

    [Fact]
    public void A_bmp_without_its_size_runs_to_the_end_of_the_data_which_must_reach_its_pixels()
    {
        byte[] bmp = Bmp(declaredSize: false);
        Assert.Equal(bmp.Length, ImageSignature.FindEnd(ImageFormat.Bmp, new MemoryStream(bmp)));
        Assert.Equal(bmp.Length, ImageSignature.FindEnd(ImageFormat.Bmp, new ForwardOnlyStream(bmp)));
        Assert.True(ImageSignature.IsComplete(bmp, 55), "the first pixel byte is there");
        Assert.False(ImageSignature.IsComplete(bmp, 54), "the data ends where the pixels would start");
    }

    [Fact]
    public void BM_alone_is_not_a_bitmap()
    {
        byte[] text = "BM and then some words"u8.ToArray();
        Assert.Equal(ImageFormat.Unknown, ImageSignature.Detect(text, text.Length));
        Assert.False(ImageSignature.IsComplete(text, text.Length));
    }

    // A 2x2 24-bit bitmap: the 14-byte file header, a 40-byte BITMAPINFOHEADER, then two rows of 6 bytes padded to 8.
    private static byte[] Bmp(bool declaredSize)
    {
        byte[] bmp = new byte[14 + 40 + 16];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BitConverter.GetBytes(declaredSize ? bmp.Length : 0).CopyTo(bmp, 2);
        BitConverter.GetBytes(54).CopyTo(bmp, 10);
        BitConverter.GetBytes(40).CopyTo(bmp, 14);
        BitConverter.GetBytes(2).CopyTo(bmp, 18);
        BitConverter.GetBytes(2).CopyTo(bmp, 22);
        BitConverter.GetBytes((short)1).CopyTo(bmp, 26);
        BitConverter.GetBytes((short)24).CopyTo(bmp, 28);
        for (int i = 54; i < bmp.Length; i++)
        {
            bmp[i] = 0x7F;
        }

        return bmp;
    }

    private static byte[] BuildJpeg()
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        byte[] thumbnail = { 0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x03, 0x00, 0xFF, 0xD9 };
        byte[] exif = "Exif\0\0"u8.ToArray().Concat(thumbnail).ToArray();
        Segment(bytes, 0xE1, exif);
        Segment(bytes, 0xDB, Enumerable.Range(0, 65).Select(i => (byte)i).ToArray());
        Segment(bytes, 0xC0, new byte[] { 0x08, 0x00, 0x10, 0x00, 0x10, 0x01, 0x01, 0x11, 0x00 });
        Segment(bytes, 0xC4, new byte[] { 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00 });
        Segment(bytes, 0xDA, new byte[] { 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00 });
        bytes.AddRange(new byte[] { 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF, 0xD1, 0x78 });
        bytes.AddRange(new byte[] { 0xFF, 0xD9 });
        return bytes.ToArray();
    }

    private static void Segment(List<byte> bytes, byte marker, byte[] content)
    {
        bytes.Add(0xFF);
        bytes.Add(marker);
        bytes.Add((byte)((content.Length + 2) >> 8));
        bytes.Add((byte)(content.Length + 2));
        bytes.AddRange(content);
    }

    // What phones append after a JPEG's EOI: an MP4 that itself holds FF D8 and FF D9 bytes.
    private static byte[] Video() =>
        new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2', 0xFF, 0xD8, 0xFF, 0xD9, 0x89, (byte)'P', (byte)'N', (byte)'G' };

    private static int IndexOf(byte[] data, byte first, byte second)
    {
        for (int i = 0; i < data.Length - 1; i++)
        {
            if (data[i] == first && data[i + 1] == second)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class ForwardOnlyStream : MemoryStream
    {
        public ForwardOnlyStream(byte[] data)
            : base(data, false)
        {
        }

        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}

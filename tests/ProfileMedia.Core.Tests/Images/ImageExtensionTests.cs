using System;
using System.Text;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Tests.Images;

public sealed class ImageExtensionTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, ".png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1 }, ".jpg")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF }, ".jpg")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 }, ".gif")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7', (byte)'a' }, ".gif")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, ".webp")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'A', (byte)'V', (byte)'E' }, null)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A }, null)]
    [InlineData(new byte[] { 0xFF, 0xD8 }, null)]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'8', (byte)'a' }, null)]
    [InlineData(new byte[0], null)]
    public void The_first_bytes_tell_the_extension(byte[] header, string? expected) =>
        Assert.Equal(expected, ImageExtension.FromBytes(header, header.Length));

    [Fact]
    public void A_bitmap_is_no_web_image()
    {
        byte[] bmp = new byte[26];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        Assert.Null(ImageExtension.FromBytes(bmp, bmp.Length));
    }

    [Fact]
    public void An_html_page_is_no_image() =>
        Assert.Null(ImageExtension.FromBytes(Encoding.ASCII.GetBytes("<!DOCTYPE html>"), 15));

    [Fact]
    public void Only_the_first_count_bytes_are_read()
    {
        byte[] png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        Assert.Null(ImageExtension.FromBytes(png, 7));
        Assert.Equal(".png", ImageExtension.FromBytes(png, 8));
    }

    [Fact]
    public void A_count_outside_the_buffer_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageExtension.FromBytes(new byte[4], 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageExtension.FromBytes(new byte[4], -1));
        Assert.Throws<ArgumentNullException>(() => ImageExtension.FromBytes(null!, 0));
    }
}

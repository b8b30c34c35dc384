using System;
using System.Collections.Concurrent;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Media;

/// <summary>
/// Generated renditions, made once and kept, so serving a thousand files is a dictionary lookup each.
/// Each picture gets its own colours, derived from a seed (its id), so different pictures are visibly different.
/// </summary>
internal sealed class MediaCache
{
    /// <summary>The seed of the default profile picture's grey.</summary>
    public const long DefaultImageSeed = 0;

    private readonly ConcurrentDictionary<(long Seed, int Width, int Height), Lazy<byte[]>> _renditions = new();

    public byte[] Png(long seed, int width, int height) =>
        _renditions.GetOrAdd((seed, width, height), key => new Lazy<byte[]>(() => Render(key.Seed, key.Width, key.Height))).Value;

    public static long BannerSeed(long userId, long stamp) => (long)MediaIdentifiers.Mix((ulong)userId ^ ((ulong)stamp << 21));

    private static byte[] Render(long seed, int width, int height)
    {
        if (seed == DefaultImageSeed)
        {
            return PngWriter.VerticalGradient(width, height, new Rgb(0xCF, 0xD9, 0xDE), new Rgb(0x8A, 0x99, 0xA3));
        }

        var bits = MediaIdentifiers.Mix((ulong)seed);
        var top = new Rgb((byte)bits, (byte)(bits >> 8), (byte)(bits >> 16));
        var bottom = new Rgb((byte)(bits >> 24), (byte)(bits >> 32), (byte)(bits >> 40));
        return PngWriter.VerticalGradient(width, height, top, bottom);
    }
}

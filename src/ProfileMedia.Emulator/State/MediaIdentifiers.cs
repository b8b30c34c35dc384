using System;
using System.Threading;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// Hands out picture ids, picture file names and banner stamps. Ids and stamps only grow for the life of the server,
/// across resets, so a URL handed out once never points at a different picture later.
/// </summary>
internal sealed class MediaIdentifiers(TimeProvider clock)
{
    /// <summary>Seeded picture ids are <see cref="SeededImageIdBase"/> + the user's index; uploads count up from a higher base.</summary>
    public const long SeededImageIdBase = 1_500_000_000_000_000_000;

    /// <summary>Seeded banners carry a stamp in 2020 (epoch seconds) plus the user's index.</summary>
    public const long SeededBannerStamp = 1_600_000_000;

    private const string NameAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private long _lastImageId = 1_800_000_000_000_000_000;
    private long _lastBannerStamp = SeededBannerStamp + 1_000_000;

    public long NextImageId() => Interlocked.Increment(ref _lastImageId);

    /// <summary>Epoch seconds like the service, but strictly increasing so two uploads in one second differ.</summary>
    public long NextBannerStamp()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastBannerStamp);
            var next = Math.Max(clock.GetUtcNow().ToUnixTimeSeconds(), last + 1);
            if (Interlocked.CompareExchange(ref _lastBannerStamp, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>An eight-character, random-looking but reproducible file name such as "Btnfm47p", derived from the id.</summary>
    public static string ImageName(long imageId)
    {
        var state = Mix((ulong)imageId);
        Span<char> name = stackalloc char[8];
        for (var i = 0; i < name.Length; i++)
        {
            name[i] = NameAlphabet[(int)(state % (ulong)NameAlphabet.Length)];
            state /= (ulong)NameAlphabet.Length;
        }

        return new string(name);
    }

    /// <summary>SplitMix64's finaliser: spreads consecutive ids over the whole 64-bit range.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }
}

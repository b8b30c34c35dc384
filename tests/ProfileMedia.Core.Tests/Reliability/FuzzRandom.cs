using System;
using System.Globalization;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Reliability;

/// <summary>
/// SplitMix64: tiny, fast and the same on every runtime (System.Random's seeded sequence is an implementation detail).
/// Every fuzz case is reseeded from the run seed and its own index, so one failing case can be replayed alone.
/// </summary>
internal sealed class FuzzRandom
{
    private ulong state;

    public FuzzRandom(ulong seed) => state = seed;

    /// <summary>The run seed: PROFILEMEDIA_FUZZ_SEED when set (decimal), else a fixed one, so failures repeat.</summary>
    public static ulong RunSeed { get; } = ReadSeed();

    /// <summary>
    /// Cases per target: PROFILEMEDIA_FUZZ_CASES when set (CI sets one million), else a small count that keeps the
    /// inner loop fast while still running every generator and mutation path.
    /// </summary>
    public static int CasesPerTarget { get; } = ReadCases();

    /// <summary>The inner loop's count when PROFILEMEDIA_FUZZ_CASES is not set.</summary>
    public const int DefaultCasesPerTarget = 20_000;

    public static ulong SeedOf(ulong runSeed, long caseIndex) => Mix(runSeed ^ Mix(unchecked((ulong)caseIndex + 0x632BE59BD9B4E019UL)));

    public void Reset(ulong seed) => state = seed;

    public ulong NextUInt64()
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            return Mix(state);
        }
    }

    /// <summary>A value in [0, maxExclusive); the tiny bias of the multiply-shift does not matter here.</summary>
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>True with probability <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public bool Chance(int numerator, int denominator) => Next(denominator) < numerator;

    public bool Coin() => (NextUInt64() & 1) == 0;

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong ReadSeed()
    {
        string? text = Environment.GetEnvironmentVariable(HarnessEnvironment.FuzzSeed);
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed : 20260401UL;
    }

    private static int ReadCases()
    {
        string? text = Environment.GetEnvironmentVariable(HarnessEnvironment.FuzzCases);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int cases) && cases > 0 ? cases : DefaultCasesPerTarget;
    }
}

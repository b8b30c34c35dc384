using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ProfileMedia.Core.Tests.Reliability;

/// <summary>
/// One fuzz target's run: counts the cases and the documented exceptions, keeps the first few failures (an exception
/// that is not documented, or a property that did not hold) with the seed, the case and the escaped input, records the
/// figures for tests/RELIABILITY.md, and fails the test at the end if anything went wrong.
/// </summary>
internal sealed class FuzzRun
{
    private const int KeptFailures = 5;

    private readonly string target;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<string> failures = new();

    public FuzzRun(string target)
    {
        this.target = target;
        Seed = FuzzRandom.RunSeed;
        Cases = FuzzRandom.CasesPerTarget;
    }

    public ulong Seed { get; }

    public int Cases { get; }

    public long DocumentedExceptions { get; private set; }

    public long UndocumentedExceptions { get; private set; }

    public long PropertyViolations { get; private set; }

    public void Documented() => DocumentedExceptions++;

    public void Undocumented(long caseIndex, string input, Exception exception)
    {
        UndocumentedExceptions++;
        Keep(caseIndex, input, "undocumented exception " + exception);
    }

    public void Violated(long caseIndex, string input, string what)
    {
        PropertyViolations++;
        Keep(caseIndex, input, what);
    }

    /// <summary>
    /// The loop every target shares. Each case reseeds the generator's random from the run seed (xor the target's
    /// <paramref name="salt"/>, so targets see different inputs) and its own index, so one failing case replays alone;
    /// <paramref name="check"/> gets the same random, answers null when every property held, and any exception it lets
    /// out is undocumented.
    /// </summary>
    public void ForEachCase<T>(ulong salt, Func<FuzzRandom, T> generate, Func<T, FuzzRandom, string?> check, Func<T, string> escape)
    {
        var random = new FuzzRandom(0);
        for (long i = 0; i < Cases; i++)
        {
            random.Reset(FuzzRandom.SeedOf(Seed ^ salt, i));
            T input = generate(random);
            try
            {
                string? problem = check(input, random);
                if (problem != null)
                {
                    Violated(i, escape(input), problem);
                }
            }
            catch (Exception e)
            {
                Undocumented(i, escape(input), e);
            }
        }
    }

    /// <summary>Records the figures and fails the test when any case failed.</summary>
    public void Finish(params string[] notes)
    {
        clock.Stop();
        ReliabilityFigures.RecordFuzz(new FuzzTargetFigure(target, Cases, clock.Elapsed.TotalSeconds, DocumentedExceptions, UndocumentedExceptions, PropertyViolations, Seed, notes));
        if (failures.Count > 0)
        {
            var message = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{target}: {UndocumentedExceptions} undocumented exception(s) and {PropertyViolations} property violation(s) in {Cases} cases ")
                .Append(CultureInfo.InvariantCulture, $"(run seed {Seed}; replay one case with PROFILEMEDIA_FUZZ_SEED={Seed}). First failures:");
            foreach (string failure in failures)
            {
                message.Append('\n').Append(failure);
            }

            Assert.Fail(message.ToString());
        }
    }

    private void Keep(long caseIndex, string input, string what)
    {
        if (failures.Count < KeptFailures)
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, "case {0}: {1}\n  input: {2}", caseIndex, what, input));
        }
    }
}

/// <summary>Escapes fuzz inputs so a failure message shows exactly which characters or bytes were given.</summary>
internal static class FuzzText
{
    private const int MaxShown = 3000;

    public static string Escape(string? value)
    {
        if (value == null)
        {
            return "(null)";
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxShown) + 16).Append('"');
        for (int i = 0; i < value.Length && i < MaxShown; i++)
        {
            char c = value[i];
            if (c >= ' ' && c < '\u007f' && c != '"' && c != '\\')
            {
                text.Append(c);
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        text.Append('"');
        if (value.Length > MaxShown)
        {
            text.Append(CultureInfo.InvariantCulture, $" ... ({value.Length} chars in all)");
        }

        return text.ToString();
    }

    public static string Escape(byte[] value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxShown) * 2 + 32).Append("bytes[").Append(value.Length).Append("] ");
        for (int i = 0; i < value.Length && i < MaxShown; i++)
        {
            byte b = value[i];
            if (b >= ' ' && b < 0x7f && b != '\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        if (value.Length > MaxShown)
        {
            text.Append(" ...");
        }

        return text.ToString();
    }
}

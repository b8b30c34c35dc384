using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Reliability;

internal sealed record FuzzTargetFigure(string Name, long Cases, double Seconds, long ExceptionsDocumented, long ExceptionsUndocumented, long PropertyViolations,
    ulong Seed, IReadOnlyList<string> Notes);

/// <summary>
/// Collects the figures of the fuzz and transport tests and, when PROFILEMEDIA_RELIABILITY_DIR is set, rewrites
/// fuzz.json and transport.json there after every result. Test classes run in parallel: one lock guards both lists
/// and the files, and each file is written to a temporary name first and then moved into place whole.
/// </summary>
internal static class ReliabilityFigures
{
    private static readonly object Gate = new();
    private static readonly List<FuzzTargetFigure> FuzzTargets = new();
    private static readonly List<(string Name, bool Held, string Detail)> TransportChecks = new();

    private static string? Folder => Environment.GetEnvironmentVariable(HarnessEnvironment.ReliabilityDirectory) is { Length: > 0 } folder ? folder : null;

    public static void RecordFuzz(FuzzTargetFigure figure)
    {
        lock (Gate)
        {
            FuzzTargets.RemoveAll(existing => existing.Name == figure.Name);
            FuzzTargets.Add(figure);
            FuzzTargets.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            Write("fuzz.json", WriteFuzz);
        }
    }

    /// <summary>Records one transport check: whether the rule held, and what was seen.</summary>
    public static void RecordTransport(string name, bool held, string detail)
    {
        lock (Gate)
        {
            TransportChecks.RemoveAll(existing => existing.Name == name);
            TransportChecks.Add((name, held, detail));
            TransportChecks.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            Write("transport.json", WriteTransport);
        }
    }

    private static void WriteFuzz(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("suite", "fuzz");
        json.WriteStartArray("targets");
        foreach (FuzzTargetFigure target in FuzzTargets)
        {
            json.WriteStartObject();
            json.WriteString("name", target.Name);
            json.WriteNumber("cases", target.Cases);
            json.WriteNumber("seconds", Math.Round(target.Seconds, 2));
            json.WriteNumber("exceptionsDocumented", target.ExceptionsDocumented);
            json.WriteNumber("exceptionsUndocumented", target.ExceptionsUndocumented);
            json.WriteNumber("propertyViolations", target.PropertyViolations);
            json.WriteNumber("seed", target.Seed);
            json.WriteStartArray("notes");
            foreach (string note in target.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        json.WriteStringValue(Machine());
        json.WriteStringValue("Each case is generated from SplitMix64 seeded by the run seed and the case index; set PROFILEMEDIA_FUZZ_SEED to vary it and PROFILEMEDIA_FUZZ_CASES to change the count.");
        json.WriteStringValue("seconds is the wall time of one target, generation and checks included; the targets run in parallel test classes.");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTransport(Utf8JsonWriter json)
    {
        int held = 0;
        foreach (var check in TransportChecks)
        {
            held += check.Held ? 1 : 0;
        }

        json.WriteStartObject();
        json.WriteString("suite", "transport");
        json.WriteNumber("cases", TransportChecks.Count);
        json.WriteNumber("held", held);
        json.WriteStartArray("checks");
        foreach (var check in TransportChecks)
        {
            json.WriteStartObject();
            json.WriteString("name", check.Name);
            json.WriteBoolean("held", check.Held);
            json.WriteString("detail", check.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        json.WriteStringValue(Machine());
        json.WriteStringValue("Real sockets on loopback: a TLS server with a self-signed certificate, and plain TCP servers that answer redirects and record every request line and Authorization header.");
        foreach (var check in TransportChecks)
        {
            if (!check.Held)
            {
                json.WriteStringValue("DID NOT HOLD: " + check.Name + ": " + check.Detail);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Machine() =>
        RuntimeInformation.FrameworkDescription + ", " + RuntimeInformation.OSDescription + ", " + System.Environment.ProcessorCount + " logical processors, "
#if DEBUG
        + "Debug build";
#else
        + "Release build";
#endif

    private static void Write(string fileName, Action<Utf8JsonWriter> write)
    {
        string? folder = Folder;
        if (folder == null)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, fileName);
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Imaging;
using SkiaSharp;

namespace ProfileMedia.FitBench;

/// <summary>
/// The three jobs of benchmark 9, one per process so each measurement starts clean:
///   generate OUT WIDTH HEIGHT    a photo-like JPEG (gradients, shapes and grain), quality 90; a PNG when OUT ends in .png
///   fit IN avatar|banner OUT     prepares IN with ImageFitter and prints one line of JSON (crop, size, bytes, in-process ms)
///   measure -- COMMAND ARGS...   runs COMMAND, waits, and prints its wall time and peak resident memory (getrusage)
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case "generate" when args.Length == 4:
                Generate(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
                return 0;
            case "fit" when args.Length == 4:
                return Fit(args[1], args[2], args[3]);
            case "measure" when args.Length >= 3 && args[1] == "--":
                return Measure(args[2], args[3..]);
            default:
                Console.Error.WriteLine("usage: generate OUT W H | fit IN avatar|banner OUT | measure -- COMMAND ARGS...");
                return 2;
        }
    }

    private static void Generate(string path, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                new[] { new SKColor(40, 90, 160), new SKColor(230, 180, 120), new SKColor(60, 130, 70) }, SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
            paint.Shader = null;
            var random = new Random(14);
            for (int i = 0; i < 400; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 160);
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(10, width / 12), paint);
            }
        }

        // Sensor-like grain, so the JPEG is as hard to compress as a real photo (a smooth picture flatters every encoder).
        var grain = new Random(7);
        Span<byte> pixels = bitmap.GetPixelSpan();
        for (int i = 0; i < pixels.Length; i += 4)
        {
            int n = grain.Next(-12, 13);
            pixels[i] = Clamp(pixels[i] + n);
            pixels[i + 1] = Clamp(pixels[i + 1] + n);
            pixels[i + 2] = Clamp(pixels[i + 2] + n);
        }

        bool png = path.EndsWith(".png", StringComparison.OrdinalIgnoreCase);
        using SKData data = bitmap.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, png ? 100 : 90);
        File.WriteAllBytes(path, data.ToArray());
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    private static int Fit(string input, string kind, string output)
    {
        FitTarget target = kind == "banner" ? FitTarget.Banner : FitTarget.Avatar;
        var watch = Stopwatch.StartNew();
        FittedImage fitted = ImageFitter.FitFile(input, target, null);
        File.WriteAllBytes(output, fitted.Bytes);
        watch.Stop();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{{\"crop\":\"{0}\",\"cropX\":{1},\"cropY\":{2},\"cropWidth\":{3},\"cropHeight\":{4},\"width\":{5},\"height\":{6},\"decoded\":\"{7}x{8}\",\"quality\":{9},\"bytes\":{10},\"ms\":{11:0.0}}}",
            fitted.Crop, fitted.Crop.X, fitted.Crop.Y, fitted.Crop.Width, fitted.Crop.Height, fitted.Width, fitted.Height,
            fitted.DecodedWidth, fitted.DecodedHeight, fitted.Quality ?? 0, fitted.Bytes.Length, watch.Elapsed.TotalMilliseconds));
        return 0;
    }

    private static int Measure(string command, string[] arguments)
    {
        var info = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using Process process = Process.Start(info)!;
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        watch.Stop();

        // This process has exactly one child, now reaped: RUSAGE_CHILDREN's ru_maxrss is that child's peak RSS (KiB on Linux).
        if (getrusage(-1, out RUsage usage) != 0)
        {
            Console.Error.WriteLine("getrusage failed");
            return 1;
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{{\"exitCode\":{0},\"ms\":{1:0.0},\"peakKiB\":{2},\"output\":{3}}}",
            process.ExitCode, watch.Elapsed.TotalMilliseconds, usage.MaxRss, stdout.Trim().Length > 0 ? stdout.Trim() : "null"));
        return process.ExitCode;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVcsw;
        public long NIvcsw;
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using Xunit;

namespace ProfileMedia.TestSupport;

/// <summary>
/// A real, small, full-able disk: a tmpfs of <c>size</c> bytes mounted on a new empty folder, unmounted and removed on
/// dispose. Needs Linux and root (mount); <see cref="SmallDiskFactAttribute"/> skips, with the reason, where it cannot.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    /// <summary>The mounted folder.</summary>
    public string Path { get; }

    /// <summary>Why no small disk can be mounted here, or null when one can.</summary>
    public static string? WhyUnavailable { get; } = Probe();

    /// <summary>Mounts a tmpfs of <paramref name="sizeBytes"/> on a new folder under the temp directory.</summary>
    public static SmallDisk Mount(int sizeBytes)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pm-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        string? failure = Run("mount", "-t", "tmpfs", "-o", "size=" + sizeBytes, "tmpfs", path);
        if (failure != null)
        {
            Directory.Delete(path);
            throw new InvalidOperationException("mount failed: " + failure);
        }

        return new SmallDisk(path);
    }

    /// <summary>Every file in the disk's folder, hidden ones included, sorted.</summary>
    public string[] Files()
    {
        string[] names = Array.ConvertAll(Directory.GetFiles(Path), f => System.IO.Path.GetFileName(f)!);
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    public void Dispose()
    {
        Run("umount", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? Probe()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return "a small disk is a tmpfs mount, which needs Linux; this is " + RuntimeInformation.OSDescription + ".";
        }

        if (!string.Equals(Output("id", "-u"), "0", StringComparison.Ordinal))
        {
            return "mounting a small tmpfs needs root; this test run is not root.";
        }

        try
        {
            Mount(64 * 1024).Dispose();
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException || e is IOException || e is System.ComponentModel.Win32Exception)
        {
            return "a tmpfs could not be mounted here (" + e.Message + ").";
        }
    }

    private static string? Output(string file, params string[] arguments)
    {
        try
        {
            using Process process = Start(file, arguments);
            string output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    // Null when the command succeeded, else what it said.
    private static string? Run(string file, params string[] arguments)
    {
        try
        {
            using Process process = Start(file, arguments);
            string error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : file + " exited with " + process.ExitCode + ": " + error.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return file + " could not be run: " + e.Message;
        }
    }

    private static Process Start(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }
}

/// <summary>A fact that needs <see cref="SmallDisk"/>: reported as skipped, with the reason, where none can be mounted.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.WhyUnavailable is string reason)
        {
            Skip = "No full disk was tried: " + reason;
        }
    }
}

/// <summary>A theory that needs <see cref="SmallDisk"/>; skipped, with the reason, where none can be mounted.</summary>
public sealed class SmallDiskTheoryAttribute : TheoryAttribute
{
    public SmallDiskTheoryAttribute()
    {
        if (SmallDisk.WhyUnavailable is string reason)
        {
            Skip = "No full disk was tried: " + reason;
        }
    }
}

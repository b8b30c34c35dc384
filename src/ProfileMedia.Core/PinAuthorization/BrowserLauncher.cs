using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace ProfileMedia.Core.PinAuthorization;

/// <summary>
/// Opens a URL in the user's browser where there is one, without ever waiting for the browser. On Linux and the BSDs
/// a browser is assumed only in a graphical session (DISPLAY or WAYLAND_DISPLAY set) with xdg-open on the PATH; on a
/// headless box, over SSH or in a container nothing is started, and the caller shows the URL to open elsewhere.
/// </summary>
internal static class BrowserLauncher
{
    /// <summary>Starts the browser on <paramref name="url"/>; false, with the reason, when there is none to start.</summary>
    public static bool TryOpen(Uri url, out string reason)
    {
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            reason = "only http and https links are opened.";
            return false;
        }

        ProcessStartInfo? start = StartInfo(url.AbsoluteUri, out reason);
        if (start == null)
        {
            return false;
        }

        try
        {
            using Process? process = Process.Start(start);
            reason = string.Empty;
            return true;
        }
        catch (Exception e) when (e is Win32Exception || e is InvalidOperationException || e is FileNotFoundException)
        {
            reason = "starting the browser failed: " + e.Message;
            return false;
        }
    }

    private static ProcessStartInfo? StartInfo(string url, out string reason)
    {
        reason = string.Empty;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return new ProcessStartInfo(url) { UseShellExecute = true };
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            return Direct("open", url);
        }

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
        {
            reason = "there is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY is set).";
            return null;
        }

        string? xdgOpen = FindOnPath("xdg-open");
        if (xdgOpen == null)
        {
            reason = "xdg-open is not on the PATH.";
            return null;
        }

        return Direct(xdgOpen, url);
    }

    // The URL is percent-encoded (no quotes or spaces), so quoting it is enough; no shell ever reads it. The opener is
    // started and left to run: it hands the URL to the browser and exits on its own.
    private static ProcessStartInfo Direct(string program, string url) => new ProcessStartInfo(program, "\"" + url + "\"")
    {
        UseShellExecute = false,
        CreateNoWindow = true,
    };

    private static string? FindOnPath(string program)
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Length == 0)
            {
                continue;
            }

            string candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

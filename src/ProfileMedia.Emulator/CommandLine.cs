using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProfileMedia.Emulator;

/// <summary>The program's options: each a "--name value" pair or a bare "--flag".</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: ProfileMedia.Emulator [options]
          --port N                  port on 127.0.0.1, 0 picks a free one (default 0)
          --rate-limit N            calls per endpoint per token per window before 429 (default 900)
          --rate-window-seconds S   rate-limit window length (default 900)
          --processing-delay-ms MS  time before an uploaded profile picture becomes current (default 5000)
          --extra-users N           seed user0001..userN, each with a picture and a banner (default 0)
          --access-level L          the app's access level: pay-per-use (default), enterprise or legacy-free
          --subscription-limit N    X Activity API subscriptions the app may hold (default 1500)
          --keepalive-ms MS         idle time before an activity stream's keep-alive (default 20000)
          --log                     write one line per request to standard error
          --ignore-stdin            keep serving when standard input ends (only Ctrl+C or SIGTERM stop it)
        Prints one JSON line (URIs and credentials), then serves until Ctrl+C or end of standard input.
        """;

    /// <exception cref="FormatException">An unknown option or a bad value; the message says which.</exception>
    public static ProgramOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        var watchStandardInput = true;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--log")
            {
                options = options with { RequestLogWriter = Console.Error };
                continue;
            }

            if (name == "--ignore-stdin")
            {
                watchStandardInput = false;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException($"'{name}' needs a value.");
            }

            if (name == "--access-level")
            {
                var level = args[++i];
                options = AccessLevelNames.TryParse(level, out var parsed)
                    ? options with { AccessLevel = parsed }
                    : throw new FormatException($"'--access-level' takes {string.Join(", ", AccessLevelNames.All)}, not '{level}'.");
                continue;
            }

            var value = Number(name, args[++i]);
            options = name switch
            {
                "--port" => options with { Port = value },
                "--rate-limit" => options with { RateLimit = value },
                "--rate-window-seconds" => options with { RateWindow = TimeSpan.FromSeconds(value) },
                "--processing-delay-ms" => options with { ProcessingDelay = TimeSpan.FromMilliseconds(value) },
                "--extra-users" => options with { ExtraUsers = value },
                "--subscription-limit" => options with { SubscriptionLimit = value },
                "--keepalive-ms" => options with { KeepAliveInterval = TimeSpan.FromMilliseconds(value) },
                _ => throw new FormatException($"Unknown option '{name}'."),
            };
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new FormatException(exception.Message, exception);
        }

        return new ProgramOptions(options, watchStandardInput);
    }

    private static int Number(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{name}' takes a whole number, not '{text}'.");
}

using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorProgramTests
{
    [Fact]
    public async Task The_program_prints_one_json_line_then_serves_until_its_standard_input_closes()
    {
        using var process = Start("--port", "0", "--processing-delay-ms", "100");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var startup = JsonDocument.Parse(line!).RootElement;
            var baseUri = new Uri(startup.GetProperty("baseUri").GetString()!);
            using var http = new HttpClient();
            using var picture = await http.GetAsync(new Uri(startup.GetProperty("mediaBaseUri").GetString()!, UriKind.Absolute) + "default_profile_images/default_profile_normal.png");

            Assert.Equal("127.0.0.1", baseUri.Host);
            Assert.Equal("/1.1/", baseUri.AbsolutePath);
            Assert.EndsWith("/_emulator/", startup.GetProperty("controlUri").GetString());
            Assert.Equal(2, startup.GetProperty("accounts").GetArrayLength());
            Assert.Equal("EmulatedUser", startup.GetProperty("accounts")[0].GetProperty("screenName").GetString());
            Assert.Equal(200, (int)picture.StatusCode);

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task The_program_refuses_an_unknown_option_with_exit_code_2()
    {
        using var process = Start("--colour", "blue");

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--colour", await process.StandardError.ReadToEndAsync());
    }

    private static Process Start(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ProfileMedia.Emulator.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }
}

// A PowerShell host for tests that answers a prompt for -Pin the way the account's owner would: it approves the app
// on the emulator for the request token in the prompt's link and types the PIN it gets back. It records every prompt.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

public sealed class PinPromptHost : PSHost
{
    private readonly PinPromptUI _ui;

    public PinPromptHost(Uri controlUri, string screenName) { _ui = new PinPromptUI(controlUri, screenName); }

    public List<string> Prompts => _ui.Prompts;
    public override string Name => "PinPromptHost";
    public override Version Version => new Version(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
}

public sealed class PinPromptUI : PSHostUserInterface
{
    private static readonly HttpClient Http = new HttpClient();
    private readonly Uri _controlUri;
    private readonly string _screenName;

    public PinPromptUI(Uri controlUri, string screenName) { _controlUri = controlUri; _screenName = screenName; }

    public List<string> Prompts { get; } = new List<string>();
    public override PSHostRawUserInterface RawUI => null;

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        Prompts.Add(caption + "|" + message + "|" + descriptions[0].Name);
        string token = Regex.Match(message, "oauth_token=([A-Za-z0-9]+)").Groups[1].Value;
        var body = new StringContent("{\"oauth_token\":\"" + token + "\",\"screen_name\":\"" + _screenName + "\"}", Encoding.UTF8, "application/json");
        string answer = Http.PostAsync(new Uri(_controlUri, "oauth/authorize"), body).Result.Content.ReadAsStringAsync().Result;
        string pin = Regex.Match(answer, "\"pin\":\"([0-9]+)\"").Groups[1].Value;
        return new Dictionary<string, PSObject> { [descriptions[0].Name] = new PSObject(" " + pin + " ") };
    }

    public override string ReadLine() => throw new NotSupportedException();
    public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
    public override void Write(string value) { }
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
    public override void WriteLine(string value) { }
    public override void WriteErrorLine(string value) { }
    public override void WriteDebugLine(string message) { }
    public override void WriteProgress(long sourceId, ProgressRecord record) { }
    public override void WriteVerboseLine(string message) { }
    public override void WriteWarningLine(string message) { }
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException();
}

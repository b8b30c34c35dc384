// PowerShell hosts for tests that answer the way a user at the keyboard would. PinPromptHost answers a prompt for -Pin
// as the account's owner would: it approves the app on the emulator for the request token in the prompt's link and
// types the PIN it gets back. ChoiceHost answers -Confirm's questions from a list. Both record every prompt.
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

/// <summary>A host around one of the user interfaces below; everything but the UI does nothing.</summary>
public class TestHost : PSHost
{
    private readonly PSHostUserInterface _ui;

    protected TestHost(PSHostUserInterface ui) { _ui = ui; }

    public override string Name => GetType().Name;
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

/// <summary>A user interface that writes nowhere, keeps the lines written to the host, and refuses every question it is not taught.</summary>
public class TestHostUI : PSHostUserInterface
{
    public List<string> Prompts { get; } = new List<string>();
    public List<string> Lines { get; } = new List<string>();
    public override PSHostRawUserInterface RawUI => null;

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException();
    public override string ReadLine() => throw new NotSupportedException();
    public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
    public override void Write(string value) => Lines.Add(value);
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Add(value);
    public override void WriteLine(string value) => Lines.Add(value);
    public override void WriteErrorLine(string value) { }
    public override void WriteDebugLine(string message) { }
    public override void WriteProgress(long sourceId, ProgressRecord record) { }
    public override void WriteVerboseLine(string message) { }
    public override void WriteWarningLine(string message) { }
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
}

public sealed class PinPromptHost : TestHost
{
    public PinPromptHost(Uri controlUri, string screenName) : base(new PinPromptUI(controlUri, screenName)) { }

    public List<string> Prompts => ((TestHostUI)UI).Prompts;
}

public sealed class PinPromptUI : TestHostUI
{
    private static readonly HttpClient Http = new HttpClient();
    private readonly Uri _controlUri;
    private readonly string _screenName;

    public PinPromptUI(Uri controlUri, string screenName) { _controlUri = controlUri; _screenName = screenName; }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        Prompts.Add(caption + "|" + message + "|" + descriptions[0].Name);
        string token = Regex.Match(message, "oauth_token=([A-Za-z0-9]+)").Groups[1].Value;
        var body = new StringContent("{\"oauth_token\":\"" + token + "\",\"screen_name\":\"" + _screenName + "\"}", Encoding.UTF8, "application/json");
        string answer = Http.PostAsync(new Uri(_controlUri, "oauth/authorize"), body).Result.Content.ReadAsStringAsync().Result;
        string pin = Regex.Match(answer, "\"pin\":\"([0-9]+)\"").Groups[1].Value;
        return new Dictionary<string, PSObject> { [descriptions[0].Name] = new PSObject(" " + pin + " ") };
    }
}

public sealed class ChoiceHost : TestHost
{
    /// <param name="answers">The index of the choice to pick for each question in turn (for -Confirm: 0 Yes, 1 Yes to All, 2 No, 3 No to All).</param>
    public ChoiceHost(int[] answers) : base(new ChoiceUI(answers)) { }

    public List<string> Prompts => ((TestHostUI)UI).Prompts;
    public List<string> Lines => ((TestHostUI)UI).Lines;
}

public sealed class ChoiceUI : TestHostUI
{
    private readonly Queue<int> _answers;

    public ChoiceUI(int[] answers) { _answers = new Queue<int>(answers); }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        Prompts.Add(message);
        if (_answers.Count == 0)
        {
            throw new InvalidOperationException("Asked more questions than the test has answers for: " + message);
        }

        return _answers.Dequeue();
    }
}

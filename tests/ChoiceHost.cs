// A PowerShell host for tests that answers -Confirm's questions from a list, as a user at the keyboard would, and
// records each question and each line written to the host (the "What if:" lines among them).
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

public sealed class ChoiceHost : PSHost
{
    private readonly ChoiceHostUI _ui;

    /// <param name="answers">The index of the choice to pick for each question in turn (for -Confirm: 0 Yes, 1 Yes to All, 2 No, 3 No to All).</param>
    public ChoiceHost(int[] answers) { _ui = new ChoiceHostUI(answers); }

    public List<string> Prompts => _ui.Prompts;
    public List<string> Lines => _ui.Lines;
    public override string Name => "ChoiceHost";
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

public sealed class ChoiceHostUI : PSHostUserInterface
{
    private readonly Queue<int> _answers;

    public ChoiceHostUI(int[] answers) { _answers = new Queue<int>(answers); }

    public List<string> Prompts { get; } = new List<string>();
    public List<string> Lines { get; } = new List<string>();
    public override PSHostRawUserInterface RawUI => null;

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        Prompts.Add(message);
        if (_answers.Count == 0)
        {
            throw new InvalidOperationException("Asked more questions than the test has answers for: " + message);
        }

        return _answers.Dequeue();
    }

    public override void Write(string value) => Lines.Add(value);
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Add(value);
    public override void WriteLine(string value) => Lines.Add(value);
    public override void WriteErrorLine(string value) { }
    public override void WriteDebugLine(string message) { }
    public override void WriteProgress(long sourceId, ProgressRecord record) { }
    public override void WriteVerboseLine(string message) { }
    public override void WriteWarningLine(string message) { }
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
    public override string ReadLine() => throw new NotSupportedException();
    public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
}

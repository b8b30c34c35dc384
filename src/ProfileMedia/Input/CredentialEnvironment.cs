using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Errors;

namespace ProfileMedia.Input;

/// <summary>
/// The environment variables that stand in for left-out credential parameters, read the same way by
/// Connect-ProfileMedia and Request-ProfileMediaAuthorization.
/// </summary>
internal static class CredentialEnvironment
{
    public const string ConsumerKeyVariable = "PROFILEMEDIA_CONSUMER_KEY";
    public const string ConsumerSecretVariable = "PROFILEMEDIA_CONSUMER_SECRET";
    public const string AccessTokenVariable = "PROFILEMEDIA_ACCESS_TOKEN";
    public const string AccessTokenSecretVariable = "PROFILEMEDIA_ACCESS_TOKEN_SECRET";
    public const string ApiBaseUriVariable = "PROFILEMEDIA_API_BASE_URI";
    public const string BearerTokenVariable = "PROFILEMEDIA_BEARER_TOKEN";

    /// <summary>
    /// The variable's value, or null when it is not set. One set to "" or white space is returned as it is, so that it
    /// is named as an empty credential (EmptyCredential), not as a missing one.
    /// </summary>
    public static string? Text(string variable) => Environment.GetEnvironmentVariable(variable);

    /// <summary>
    /// A credential variable's value, or null when it is not set; one far longer than any X credential stops
    /// <paramref name="cmdlet"/> with CredentialTooLong naming the variable (never its value).
    /// </summary>
    public static string? Credential(Cmdlet cmdlet, string variable)
    {
        string? value = Text(variable);
        if (value != null && value.Length > CredentialText.MaxLength)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.CredentialTooLong("$env:" + variable, value.Length));
        }

        return value;
    }

    /// <summary>A credential variable's value as a read-only SecureString, or null when it is not set; checked as <see cref="Credential"/> is.</summary>
    public static SecureString? Secret(Cmdlet cmdlet, string variable)
    {
        string? value = Credential(cmdlet, variable);
        if (value == null)
        {
            return null;
        }

        var secret = new SecureString();
        foreach (char c in value)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return secret;
    }

    /// <summary>
    /// The API base as given, else from PROFILEMEDIA_API_BASE_URI, else X's; not yet validated. Throws ArgumentException
    /// naming the value when the variable holds no absolute URI.
    /// </summary>
    public static Uri ApiBaseUri(Uri? parameter)
    {
        if (parameter != null)
        {
            return parameter;
        }

        // An empty base URI variable means the default: unlike a credential, the base has one.
        string? value = Text(ApiBaseUriVariable);
        if (string.IsNullOrEmpty(value))
        {
            return XApiClientOptions.DefaultBaseUri;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
            ? uri
            : throw new ArgumentException("The environment variable " + ApiBaseUriVariable + " holds " + Core.Text.MessageText.Quote(value) + ", which is not an absolute URI.");
    }

    /// <summary>"-Parameter (or $env:VARIABLE)" for every credential left out, in order, for the MissingCredential error.</summary>
    public static List<string> Missing(params (bool Missing, string Parameter, string Variable)[] credentials)
    {
        var missing = new List<string>();
        foreach (var credential in credentials)
        {
            if (credential.Missing)
            {
                missing.Add("-" + credential.Parameter + " (or $env:" + credential.Variable + ")");
            }
        }

        return missing;
    }
}

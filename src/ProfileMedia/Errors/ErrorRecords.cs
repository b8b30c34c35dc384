using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Errors;

/// <summary>
/// One factory per kind of failure, so every cmdlet words the same failure alike. Ids come from
/// <see cref="ErrorIds"/> and categories from <see cref="ErrorCategories"/>; each record is built in one place.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>Input a cmdlet cannot use, found by a Core check or the cmdlet itself (a path, a screen name, a region).</summary>
    public static ErrorRecord BadInput(string errorId, string message, object? target) =>
        Build(new ArgumentException(message), errorId, target);

    /// <summary>A URL that cannot be used; the target is what the user gave (a user object, say), or the URL itself.</summary>
    public static ErrorRecord BadUrl(UrlProblem problem, string? value, string what, object? input = null) =>
        BadInput(problem.ToString(), UrlProblemMessages.Describe(problem, value, what), input ?? value);

    /// <summary>
    /// An input of a kind the cmdlet cannot use (UnsupportedInput), or none at all (NullInput); <paramref name="what"/>
    /// names it when its type alone would not say enough ("a banner variant").
    /// </summary>
    public static ErrorRecord UnsupportedInput(string command, object? input, string useInstead, string? what = null)
    {
        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        what ??= value == null ? "null" : "a " + value.GetType().FullName;
        return Build(new ArgumentException(command + " cannot use " + what + "; " + useInstead + "."), value == null ? ErrorIds.NullInput : ErrorIds.UnsupportedInput, input);
    }

    /// <summary>An input whose own code (a ToString(), a ScriptProperty getter) threw while the cmdlet read it.</summary>
    public static ErrorRecord UnreadableInput(string command, object? input, Exception failure)
    {
        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        string message = command + " cannot read the input (a " + (value?.GetType().FullName ?? "null") + "): reading it threw "
            + failure.GetType().Name + ": " + Core.Text.MessageText.Reason(failure);
        return Build(new ArgumentException(message, failure), ErrorIds.UnreadableInput, input);
    }

    /// <summary>What the X API (or the way to it) answered to one call about <paramref name="target"/>.</summary>
    public static ErrorRecord ApiFailure(XApiException exception, object? target) => Build(exception, exception.ErrorId, target);

    /// <summary>An API cmdlet ran with no connection given and none made in this session.</summary>
    public static ErrorRecord NotConnected() =>
        Build(new InvalidOperationException("Not connected to the X API: run Connect-ProfileMedia first, or pass -Connection."), ErrorIds.NotConnected, null);

    /// <summary>The connection given or found was closed by Disconnect-ProfileMedia; <paramref name="whatNow"/> says what to do.</summary>
    public static ErrorRecord ConnectionClosed(ProfileMediaConnection connection, string whatNow) =>
        Build(new InvalidOperationException("The connection to " + connection.BaseUri + " was closed by Disconnect-ProfileMedia: " + whatNow + "."), ErrorIds.ConnectionClosed, connection);

    /// <summary>A cmdlet that changes the account, on a connection with only an app-only Bearer token.</summary>
    public static ErrorRecord UserContextRequired(string command, ProfileMediaConnection connection) =>
        Build(new InvalidOperationException(command + " changes the account, and the connection to " + connection.BaseUri
            + " holds only an app-only Bearer token. " + XApiProblemAdvice.UserContextAdvice), ErrorIds.UserContextRequired, connection);

    /// <summary>A Bearer token that no header can carry; <paramref name="source"/> says where it came from, <paramref name="problem"/> what is wrong.</summary>
    public static ErrorRecord InvalidBearerToken(string source, string problem) =>
        Build(new ArgumentException("The Bearer token in " + source + " " + problem + " Paste it again from the developer portal, without quotes or line breaks."), ErrorIds.InvalidBearerToken, null);

    /// <summary>A pending authorization that came through serialization without its secrets, so it cannot be completed.</summary>
    public static ErrorRecord PendingAuthorizationCannotTravel(PendingAuthorization pending) =>
        Build(new ArgumentException("This pending authorization (request token " + Core.Text.MessageText.Quote(pending.RequestToken) + ") went through serialization"
            + " (a job, Export-Clixml, remoting or JSON), and its request token secret stays behind by design, so it cannot be completed. Complete it in the session"
            + " that ran Request-ProfileMediaAuthorization, from the object it output, or run Request-ProfileMediaAuthorization again here."),
            ErrorIds.PendingAuthorizationCannotTravel, pending.RequestToken);

    /// <summary>A credential far longer than any X key, secret or token; <paramref name="source"/> says where it came from. Its value is never shown.</summary>
    public static ErrorRecord CredentialTooLong(string source, int length) =>
        Build(new ArgumentException("The credential " + source + " " + Core.Credentials.CredentialText.TooLong(length) + " Set it to the value alone, as the developer portal shows it."),
            ErrorIds.CredentialTooLong, null);

    /// <summary>The connection was closed while a call about <paramref name="target"/> ran.</summary>
    public static ErrorRecord ClosedDuringCall(object? target) =>
        Build(new InvalidOperationException("The connection was closed while the call ran."), ErrorIds.ConnectionClosed, target);

    /// <summary>
    /// Credentials neither given nor in the environment; each entry names a parameter and its variable, and
    /// <paramref name="whereToFind"/> may say where the user gets them.
    /// </summary>
    public static ErrorRecord MissingCredential(IEnumerable<string> missing, string? whereToFind = null) =>
        Build(new ArgumentException("Missing credentials: " + string.Join(", ", missing) + ". " + (whereToFind == null ? string.Empty : whereToFind + " ") +
            "Give each as a parameter or set its environment variable."), ErrorIds.MissingCredential, null);

    /// <summary>A credential given but empty or white space; <paramref name="source"/> says where it came from.</summary>
    public static ErrorRecord EmptyCredential(string source) =>
        Build(new ArgumentException("The credential " + source + " is empty or white space: give the value from the developer portal."), ErrorIds.EmptyCredential, null);

    /// <summary>No PIN for a pending authorization, and no way to ask for one (a non-interactive session).</summary>
    public static ErrorRecord PinMissing(PendingAuthorization pending) =>
        BadInput(ErrorIds.PinMissing, "No PIN for the authorization of request token '" + pending.RequestToken + "'. Open " + pending.AuthorizeUrl.AbsoluteUri +
            ", authorize the app as the account to manage, and give the PIN X shows with -Pin.", pending);

    /// <summary>An API base URI that cannot be used.</summary>
    public static ErrorRecord InvalidApiBaseUri(string message, object? value, Exception? inner = null) =>
        Build(new ArgumentException(message, inner), ErrorIds.InvalidApiBaseUri, value);

    /// <summary>A destination folder that cannot be used or made.</summary>
    public static ErrorRecord InvalidDestination(string destination, string problem, Exception? inner = null) =>
        Build(new ArgumentException("The destination '" + destination + "' " + problem, inner), ErrorIds.InvalidDestination, destination);

    /// <summary>A download of <paramref name="url"/> that failed in a way the downloader did not foresee.</summary>
    public static ErrorRecord DownloadFailed(Exception exception, string? url) => Build(exception, ErrorIds.DownloadFailed, url);

    /// <summary>A file that was saved and then was gone (or unreadable) before it could be output.</summary>
    public static ErrorRecord SavedFileMissing(string path, Exception exception) =>
        Build(new IOException("The file " + path + " was saved but could not be read back to output it, as something removed or changed it meanwhile: " + Core.Text.MessageText.Reason(exception), exception),
            ErrorIds.SavedFileMissing, path);

    /// <summary>A file that was not saved (exists, outdated, failed), with the downloader's id and message.</summary>
    public static ErrorRecord NotSaved(string errorId, string message, object? target) => Build(new IOException(message), errorId, target);

    /// <summary>A picture that cannot be prepared (-Fit, ConvertTo-ProfileImage); the id is the problem's name.</summary>
    public static ErrorRecord NotPrepared(ImageFitException exception, object? target) => Build(exception, exception.Problem.ToString(), target);

    /// <summary>A prepared picture that could not be written to <paramref name="path"/>: DiskFull or DestinationNotWritable.</summary>
    public static ErrorRecord NotWritten(Core.Downloads.FileWriteException exception, string path) => Build(exception, exception.ErrorId, path);

    /// <summary>A destination that does not exist; <paramref name="message"/> names it.</summary>
    public static ErrorRecord DestinationNotFound(string message, object? target) => Build(new DirectoryNotFoundException(message), ErrorIds.DestinationNotFound, target);

    /// <summary>A watch cmdlet on a connection without the app-only Bearer token, which the X Activity API requires.</summary>
    public static ErrorRecord BearerTokenRequired(string command, ProfileMediaConnection connection) =>
        Build(new InvalidOperationException(command + " uses the X Activity API, which takes only the app-only Bearer token, and the connection to " + connection.BaseUri
            + " holds only OAuth 1.0a user context. " + Core.Activity.ActivityErrors.BearerTokenAdvice), ErrorIds.BearerTokenRequired, connection);

    /// <summary>A user and kind that a watch already covers: reported, not created again.</summary>
    public static ErrorRecord AlreadyWatched(ProfileMediaWatch existing, object? target) =>
        Build(new InvalidOperationException("The " + (existing.Kind == ProfileMediaWatchKind.Image ? "profile image" : "banner") + " of " + DescribeUser(existing.UserId, existing.ScreenName)
            + " is already watched (subscription " + existing.SubscriptionId + "): nothing was created. Unregister-ProfileMediaWatch removes a watch."), ErrorIds.AlreadyWatched, target ?? existing);

    /// <summary>Watches that would take the app past its subscription limit: none of them is created.</summary>
    public static ErrorRecord SubscriptionLimitReached(int planned, int held, int limit) =>
        Build(new InvalidOperationException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "{0} new watches would take the app to {1} X Activity API subscriptions, past its limit of {2:N0} (self-serve): none was created. Remove watches no longer needed with Unregister-ProfileMediaWatch, or watch fewer users or kinds.",
            planned, planned + held, limit)), ErrorIds.SubscriptionLimitReached, planned);

    /// <summary>A subscription id the service does not know (already removed, or never this app's).</summary>
    public static ErrorRecord WatchNotFound(string subscriptionId, object? target) =>
        Build(new ItemNotFoundException("No watch has the subscription id " + subscriptionId + ": it was removed already, or belongs to another app. Get-ProfileMediaWatch lists the app's watches."),
            ErrorIds.WatchNotFound, target ?? subscriptionId);

    /// <summary>A user to stop watching that no watch covers.</summary>
    public static ErrorRecord UserNotWatched(string who, object? target) =>
        Build(new ItemNotFoundException(who + " is not watched (for the kinds asked): nothing to remove."), ErrorIds.WatchNotFound, target);

    /// <summary>An -Archive folder another watcher holds, or one that cannot be made.</summary>
    public static ErrorRecord ArchiveInUse(Exception exception, string folder) => Build(exception, ErrorIds.ArchiveInUse, folder);

    /// <summary>"@name (id)" when the name is known, else "user id".</summary>
    public static string DescribeUser(string userId, string? screenName) => screenName == null ? "user " + userId : "@" + screenName + " (" + userId + ")";

    private static ErrorRecord Build(Exception exception, string errorId, object? target) =>
        new ErrorRecord(exception: exception, errorId: errorId, errorCategory: ErrorCategories.Of(errorId), targetObject: target);
}

using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Authorization;

/// <summary>
/// GET oauth/authorize?oauth_token=...: stands in for the page where a user signs in and approves the app. There is no
/// sign-in here: opening the page approves the app for the first seeded account and shows its PIN, so a person can try
/// the flow with a browser. Tests pick the account with POST /_emulator/oauth/authorize instead.
/// </summary>
internal static class AuthorizePage
{
    private const string HtmlContentType = "text/html;charset=utf-8";

    public static Task WriteAsync(HttpContext context, EmulatorState state)
    {
        var token = context.Request.Query["oauth_token"].ToString();
        var account = state.Accounts.Accounts[0];
        var pin = token.Length == 0 ? null : state.Authorizations.Approve(token, long.Parse(account.UserId, System.Globalization.CultureInfo.InvariantCulture));
        if (pin is null)
        {
            return ApiResponses.WriteTextAsync(context, StatusCodes.Status404NotFound, HtmlContentType,
                Page("This page is no longer valid", "The request token is unknown, expired or already used. Ask the app for a new authorization link."));
        }

        return ApiResponses.WriteTextAsync(context, StatusCodes.Status200OK, HtmlContentType,
            Page(
                "You've authorized the app",
                "Signed in as @" + WebUtility.HtmlEncode(account.ScreenName) + ". Next, return to the app and enter this PIN to complete the authorization process:",
                "<p><code id=\"oauth_pin\">" + pin + "</code></p>"));
    }

    private static string Page(string title, string text, string extra = "") =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>" + title +
        "</h1><p>" + text + "</p>" + extra + "</body></html>";
}

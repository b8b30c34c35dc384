using ProfileMedia.Commands;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;
using ProfileMedia.Errors;

namespace ProfileMedia.Input;

/// <summary>Checks a screen name or user id before any request, writing an InvalidArgument error when it cannot be one.</summary>
internal static class UserReferenceInput
{
    public static UserReference? Reference(ApiCmdlet cmdlet, bool byScreenName, string? value)
    {
        UserReference? user = byScreenName ? UserReference.ForScreenName(value, out string? problem) : UserReference.ForUserId(value, out problem);
        if (user == null)
        {
            string quoted = Core.Text.MessageText.Quote(value);
            cmdlet.WriteError(ErrorRecords.BadInput(byScreenName ? ErrorIds.InvalidScreenName : ErrorIds.InvalidUserId, problem + "; got " + quoted + ".", value));
        }

        return user;
    }
}

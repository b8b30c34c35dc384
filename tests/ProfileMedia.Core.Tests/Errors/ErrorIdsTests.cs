using System;
using System.Linq;
using System.Reflection;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Tests.Errors;

/// <summary>
/// The problem enums' names are error ids (the cmdlets use problem.ToString() as the id): each must be an ErrorIds
/// constant, spelled alike, so its category and any script filtering on it find it.
/// </summary>
public sealed class ErrorIdsTests
{
    [Theory]
    [InlineData(typeof(UrlProblem))]
    [InlineData(typeof(ImageProblem))]
    public void Every_problem_name_is_an_error_id(Type problems)
    {
        var ids = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

        string[] missing = Enum.GetNames(problems).Where(name => name != "None" && !ids.Contains(name)).ToArray();

        Assert.Empty(missing);
    }
}

using System;
using System.Threading.Tasks;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Api;

/// <summary>One v1.1 endpoint: where it lives, whether it writes (read-only tokens may not call it), and its handler.</summary>
/// <param name="Method">The one HTTP method it answers.</param>
/// <param name="Path">The full request path, ".json" included.</param>
/// <param name="Name">The rate-limit family, as the service names it ("users/show").</param>
/// <param name="Writes">Whether it changes the account.</param>
/// <param name="ReadsUsers">Whether it reads other users: only the enterprise access level still has those in v1.1.</param>
/// <param name="Handler">Runs once the caller is authenticated and within limits.</param>
internal sealed record ApiEndpoint(string Method, string Path, string Name, bool Writes, bool ReadsUsers, Func<ApiRequest, EmulatorState, Task> Handler);

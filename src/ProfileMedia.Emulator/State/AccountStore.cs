using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// All users and which of them owns which picture. Reset swaps in a freshly seeded set in one step, so a request
/// running during a reset sees either the old world or the new one, never a mix.
/// </summary>
internal sealed class AccountStore
{
    private readonly int _extraUsers;
    private volatile Snapshot _snapshot;

    public AccountStore(int extraUsers, TimeProvider clock)
    {
        _extraUsers = extraUsers;
        Identifiers = new MediaIdentifiers(clock);
        _snapshot = new Snapshot(SeedData.Build(extraUsers));
        Accounts = _snapshot.Users.Where(u => u.Credentials is not null).Select(SeedData.ToAccount).ToArray();
    }

    public MediaIdentifiers Identifiers { get; }

    /// <summary>The seeded users that have credentials; the same after every reset.</summary>
    public IReadOnlyList<EmulatorAccount> Accounts { get; }

    public static string? ConsumerSecretFor(string consumerKey) =>
        string.Equals(consumerKey, SeedData.ConsumerKey, StringComparison.Ordinal) ? SeedData.ConsumerSecret : null;

    public UserRecord? FindById(long id) => _snapshot.ById.GetValueOrDefault(id);

    public UserRecord? FindByScreenName(string screenName) => _snapshot.ByScreenName.GetValueOrDefault(screenName);

    public UserRecord? FindByAccessToken(string accessToken) => _snapshot.ByAccessToken.GetValueOrDefault(accessToken);

    public UserRecord? FindImageOwner(long imageId) => _snapshot.ImageOwners.GetValueOrDefault(imageId);

    public void RegisterImage(long imageId, UserRecord owner) => _snapshot.ImageOwners[imageId] = owner;

    public void Reset() => _snapshot = new Snapshot(SeedData.Build(_extraUsers));

    private sealed class Snapshot
    {
        public Snapshot(List<UserRecord> users)
        {
            Users = users;
            ById = users.ToDictionary(u => u.Profile.Id);
            ByScreenName = users.ToDictionary(u => u.Profile.ScreenName, StringComparer.OrdinalIgnoreCase);
            ByAccessToken = users.Where(u => u.Credentials is not null)
                .ToDictionary(u => u.Credentials!.AccessToken, StringComparer.Ordinal);
            var epoch = DateTimeOffset.MinValue;
            ImageOwners = new ConcurrentDictionary<long, UserRecord>(
                users.Select(u => (User: u, Image: u.CurrentImage(epoch)))
                    .Where(pair => pair.Image is not null)
                    .Select(pair => KeyValuePair.Create(pair.Image!.Id, pair.User)));
        }

        public List<UserRecord> Users { get; }

        public Dictionary<long, UserRecord> ById { get; }

        public Dictionary<string, UserRecord> ByScreenName { get; }

        public Dictionary<string, UserRecord> ByAccessToken { get; }

        public ConcurrentDictionary<long, UserRecord> ImageOwners { get; }
    }
}

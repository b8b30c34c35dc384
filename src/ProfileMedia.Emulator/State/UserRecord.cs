using System;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// A user and the state the API can change: picture, banner, restrictions. Every read and write of that state goes
/// through one lock, because tests upload and look up concurrently.
/// </summary>
internal sealed class UserRecord(UserProfile profile, UserCredentials? credentials, ProfileImage? image, Banner? banner)
{
    private readonly object _gate = new();
    private ProfileImage? _image = image;
    private ProfileImage? _pendingImage;
    private DateTimeOffset _pendingSince;
    private Banner? _banner = banner;
    private AccountRestrictions _restrictions;

    public UserProfile Profile { get; } = profile;

    public UserCredentials? Credentials { get; } = credentials;

    /// <summary>The picture users/show reports at <paramref name="now"/>; null means the default picture.</summary>
    public ProfileImage? CurrentImage(DateTimeOffset now)
    {
        lock (_gate)
        {
            PromotePendingImage(now);
            return _image;
        }
    }

    /// <summary>The picture being processed, if any.</summary>
    public ProfileImage? PendingImage(DateTimeOffset now)
    {
        lock (_gate)
        {
            PromotePendingImage(now);
            return _pendingImage;
        }
    }

    /// <summary>
    /// Accepts an upload that becomes current once <paramref name="effectiveAt"/> has passed.
    /// A picture still pending from an earlier upload is dropped: only the latest upload ever becomes current.
    /// </summary>
    public void QueueImage(ProfileImage newImage, DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        lock (_gate)
        {
            PromotePendingImage(now);
            _pendingImage = newImage;
            _pendingSince = effectiveAt;
            PromotePendingImage(now);
        }
    }

    /// <summary>The picture with this id if the media host still serves it: the current one and one being processed; replaced ones are gone.</summary>
    public ProfileImage? ServedImage(long imageId, DateTimeOffset now)
    {
        lock (_gate)
        {
            PromotePendingImage(now);
            return _image?.Id == imageId ? _image : _pendingImage?.Id == imageId ? _pendingImage : null;
        }
    }

    public Banner? Banner
    {
        get
        {
            lock (_gate)
            {
                return _banner;
            }
        }

        set
        {
            lock (_gate)
            {
                _banner = value;
            }
        }
    }

    public AccountRestrictions Restrictions
    {
        get
        {
            lock (_gate)
            {
                return _restrictions;
            }
        }
    }

    public void Restrict(AccountRestrictions restrictions)
    {
        lock (_gate)
        {
            _restrictions = restrictions == AccountRestrictions.None ? AccountRestrictions.None : _restrictions | restrictions;
        }
    }

    /// <summary>Processing is modelled lazily: the pending picture takes over the first time anyone looks after its time.</summary>
    private void PromotePendingImage(DateTimeOffset now)
    {
        if (_pendingImage is not null && now >= _pendingSince)
        {
            _image = _pendingImage;
            _pendingImage = null;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// Gathers the users whose media URLs turned out outdated and looks them up together, batched as
/// <see cref="UserBatches"/> batches every lookup (names apart from ids, up to 100 a request): the waiting users go
/// once a request is full or once nothing else can add one (every save in flight is waiting, and the input, when held
/// open with <see cref="Hold"/>, has ended). Each user is asked for once however many of its files were outdated.
/// </summary>
internal sealed class UserRefreshBatcher
{
    private readonly Func<IReadOnlyList<UserReference>, CancellationToken, Task<IReadOnlyList<UserLookupOutcome>>> _lookup;
    private readonly object _gate = new object();
    private readonly Dictionary<string, Task<ProfileUser>> _known = new Dictionary<string, Task<ProfileUser>>(StringComparer.Ordinal);
    private readonly UserBatches _batches = new UserBatches();
    private readonly Dictionary<string, TaskCompletionSource<ProfileUser>> _waiting = new Dictionary<string, TaskCompletionSource<ProfileUser>>(StringComparer.Ordinal);
    private int _busy;

    public UserRefreshBatcher(Func<IReadOnlyList<UserReference>, CancellationToken, Task<IReadOnlyList<UserLookupOutcome>>> lookup)
    {
        _lookup = lookup;
    }

    /// <summary>One more producer that may still ask for a refresh: a save in flight, or the input itself.</summary>
    public void Enter()
    {
        lock (_gate)
        {
            _busy++;
        }
    }

    /// <summary>A producer is done; the waiting users go out if it was the last one.</summary>
    public void Leave(CancellationToken cancellationToken) => Send(LeaveAndTake(), cancellationToken);

    /// <summary>Keeps refreshes waiting (up to 100) until the returned hold is disposed: for input that is still arriving.</summary>
    public IDisposable Hold(CancellationToken cancellationToken)
    {
        Enter();
        return new Release(this, cancellationToken);
    }

    /// <summary>Sends every waiting user now, without waiting for more to join.</summary>
    public void SendWaiting(CancellationToken cancellationToken)
    {
        List<(UserReference User, TaskCompletionSource<ProfileUser> Result)> batch;
        lock (_gate)
        {
            batch = TakeWaiting();
        }

        Send(batch, cancellationToken);
    }

    /// <summary>The user's current state; the caller counts as busy again once it has the answer.</summary>
    public async Task<ProfileUser> RefreshAsync(UserReference user, CancellationToken cancellationToken)
    {
        Task<ProfileUser> result;
        lock (_gate)
        {
            if (!_known.TryGetValue(user.Key, out result!))
            {
                var source = new TaskCompletionSource<ProfileUser>(TaskCreationOptions.RunContinuationsAsynchronously);
                result = source.Task;
                _known[user.Key] = result;
                _batches.Add(user);
                _waiting.Add(user.Key, source);
            }
        }

        if (result.IsCompleted)
        {
            return await result.ConfigureAwait(false);
        }

        // While it waits, this save cannot add a user: it no longer holds the batch back.
        Send(LeaveAndTake(), cancellationToken);
        try
        {
            return await result.ConfigureAwait(false);
        }
        finally
        {
            Enter();
        }
    }

    private List<(UserReference User, TaskCompletionSource<ProfileUser> Result)>? LeaveAndTake()
    {
        lock (_gate)
        {
            _busy--;
            return _batches.IsFull || _busy <= 0 ? TakeWaiting() : null;
        }
    }

    // Under _gate: every waiting user with the answer it waits for (the lookup splits them into requests as UserBatches does).
    private List<(UserReference User, TaskCompletionSource<ProfileUser> Result)> TakeWaiting()
    {
        List<UserReference> users = _batches.TakeWaiting();
        var batch = users.ConvertAll(user => (user, _waiting[user.Key]));
        _waiting.Clear();
        return batch;
    }

    private void Send(List<(UserReference User, TaskCompletionSource<ProfileUser> Result)>? batch, CancellationToken cancellationToken)
    {
        if (batch != null && batch.Count > 0)
        {
            _ = LookUpAsync(batch, cancellationToken);
        }
    }

    private async Task LookUpAsync(List<(UserReference User, TaskCompletionSource<ProfileUser> Result)> batch, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<UserLookupOutcome> outcomes = await _lookup(batch.ConvertAll(b => b.User), cancellationToken).ConfigureAwait(false);
            var byKey = new Dictionary<string, UserLookupOutcome>(StringComparer.Ordinal);
            foreach (UserLookupOutcome outcome in outcomes)
            {
                byKey[outcome.Reference.Key] = outcome;
            }

            foreach (var (user, result) in batch)
            {
                if (byKey.TryGetValue(user.Key, out UserLookupOutcome? outcome) && outcome.User != null)
                {
                    result.TrySetResult(outcome.User);
                }
                else
                {
                    result.TrySetException(outcome?.Error ?? new XApiException("The lookup did not answer for " + user + ".", ErrorIds.UnexpectedResponse, null, Array.Empty<XApiErrorDetail>(), null, null));
                }
            }
        }
        catch (OperationCanceledException)
        {
            batch.ForEach(b => b.Result.TrySetCanceled());
        }
        catch (Exception e)
        {
            batch.ForEach(b => b.Result.TrySetException(e));
        }
    }

    private sealed class Release : IDisposable
    {
        private readonly UserRefreshBatcher _batcher;
        private readonly CancellationToken _cancellationToken;
        private int _released;

        public Release(UserRefreshBatcher batcher, CancellationToken cancellationToken)
        {
            _batcher = batcher;
            _cancellationToken = cancellationToken;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _batcher.Leave(_cancellationToken);
            }
        }
    }
}

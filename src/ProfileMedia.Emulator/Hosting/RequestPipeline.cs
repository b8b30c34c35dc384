using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ProfileMedia.Emulator.Activity;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.Authorization;
using ProfileMedia.Emulator.Control;
using ProfileMedia.Emulator.Faults;
using ProfileMedia.Emulator.Media;
using ProfileMedia.Emulator.State;
using ProfileMedia.Emulator.V2;

namespace ProfileMedia.Emulator.Hosting;

/// <summary>
/// The one request handler: control calls go straight through; every other request is logged, may be caught by an
/// injected fault, and is then answered by the API or the media host.
/// </summary>
internal sealed class RequestPipeline(EmulatorState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (ControlEndpoints.Handles(context.Request.Path))
        {
            await ControlEndpoints.HandleAsync(context, state).ConfigureAwait(false);
            return;
        }

        var entry = new LogEntry(state, context);
        try
        {
            await AnswerAsync(context, entry).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-request; nothing to answer.
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            await ApiResponses.WriteBareStatusAsync(context, exception.StatusCode).ConfigureAwait(false); // e.g. over Kestrel's body size limit
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            state.Options.RequestLogWriter?.WriteLine("Emulator error: " + exception);
            await ApiResponses.WriteErrorAsync(context, ApiError.InternalError).ConfigureAwait(false);
        }
        finally
        {
            entry.RecordIfUnanswered();
        }
    }

    private async Task AnswerAsync(HttpContext context, LogEntry entry)
    {
        var path = context.Request.Path;
        var fault = state.Faults.TryTake(context.Request.Method, path.Value ?? "/");
        if (fault is not null)
        {
            entry.Fault = FaultNames.Of(fault.Kind);
            if (await FaultResponder.ApplyAsync(context, fault, state).ConfigureAwait(false))
            {
                return;
            }
        }

        if (state.Urls is not { } urls)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // still starting
            return;
        }

        if (ApiEndpoints.Handles(path))
        {
            await ApiEndpoints.HandleAsync(context, state, urls).ConfigureAwait(false);
        }
        else if (TokenEndpoints.Handles(path))
        {
            await TokenEndpoints.HandleAsync(context, state).ConfigureAwait(false);
        }
        else if (ActivityEndpoints.Handles(path))
        {
            await ActivityEndpoints.HandleAsync(context, state).ConfigureAwait(false);
        }
        else if (V2Endpoints.Handles(path))
        {
            await V2Endpoints.HandleAsync(context, state, urls).ConfigureAwait(false);
        }
        else if (OAuth2TokenEndpoint.Handles(path))
        {
            await OAuth2TokenEndpoint.HandleAsync(context).ConfigureAwait(false);
        }
        else if (MediaEndpoints.Handles(path))
        {
            await MediaEndpoints.HandleAsync(context, state).ConfigureAwait(false);
        }
        else
        {
            await ApiResponses.WriteErrorAsync(context, ApiError.PageDoesNotExist).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records the request when its response starts, before the client can see a byte of it, so a test that asks for the
    /// log right after an answer always finds that request in it.
    /// </summary>
    private sealed class LogEntry
    {
        private readonly EmulatorState _state;
        private readonly HttpContext _context;
        private readonly DateTimeOffset _arrived;
        private int _recorded;

        public LogEntry(EmulatorState state, HttpContext context)
        {
            _state = state;
            _context = context;
            _arrived = state.Clock.GetUtcNow();
            context.Response.OnStarting(() =>
            {
                Record(context.Response.StatusCode);
                return Task.CompletedTask;
            });
        }

        public string? Fault { get; set; }

        /// <summary>
        /// Called when the handler is done. A response without a body has not started yet, but its status is final and the
        /// client has seen nothing, so it is recorded now; a client that left before any answer is recorded as status 0.
        /// </summary>
        public void RecordIfUnanswered() =>
            Record(!_context.Response.HasStarted && _context.RequestAborted.IsCancellationRequested ? 0 : _context.Response.StatusCode);

        private void Record(int status)
        {
            if (Interlocked.Exchange(ref _recorded, 1) == 1)
            {
                return;
            }

            var request = _context.Request;
            var target = _context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value + request.QueryString.Value;
            _state.Log.Add(new RecordedRequest(
                _arrived,
                request.Method,
                target,
                status,
                request.Headers.ContainsKey("Authorization"),
                request.ContentLength,
                Fault)
            {
                ConnectionId = _context.Connection.Id,
            });
        }
    }
}

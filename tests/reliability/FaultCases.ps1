# The fault table of tests/Reliability.Faults.Tests.ps1: each cmdlet that makes requests, under each fault the
# emulator can inject. Dot-sourced at discovery.
#
#   Cmdlet    the cmdlet (its call and checks are in the test file)
#   Fault     what goes wrong
#   Spec      the emulator fault (pathPrefix is added by the test)
#   Action    -RateLimitAction for the call: Fail (the default) or Wait
#   Expect    Success, or the error id the cmdlet must write
#   Attempts  the exact number of requests that must reach the endpoint (the connection has -MaxRetries 2)
#
# What the documentation promises (about_ProfileMedia, RETRIES AND TIME-OUTS and RATE LIMITS):
#   429: fail at once, or with Wait wait for the reset (retry-after or x-rate-limit-reset) and try once more; a limit
#        whose reset is not said fails at once even with Wait.
#   5xx: retried for every call, MaxRetries times.
#   dropped connection, time-out: retried for calls that change nothing; an upload or removal is sent once.
#   a 2xx answer that is not what the API promises: UnexpectedResponse, not retried. The banner endpoints promise no
#   body at all, so a 2xx is their success whatever its body.
#   Save-ProfileMedia: 5xx, 429, drops and time-outs are retried with the connection's settings; a body that is not a
#   complete image fails at once; a file that never finishes fails at its deadline (ten times the time-out), once; a
#   file appears complete or not at all.

$api = @(
    @{ Cmdlet = 'Get-ProfileUser'; Write = $false }
    @{ Cmdlet = 'Get-ProfileBanner'; Write = $false }
    @{ Cmdlet = 'Set-ProfileImage'; Write = $true; ParsesBody = $true }
    @{ Cmdlet = 'Set-ProfileBanner'; Write = $true; ParsesBody = $false }
    @{ Cmdlet = 'Remove-ProfileBanner'; Write = $true; ParsesBody = $false }
)

$rows = foreach ($c in $api) {
    $read = -not $c.Write
    $parses = $read -or $c.ParsesBody
    @{ Cmdlet = $c.Cmdlet; Fault = '429 with rate-limit reset headers'; Spec = @{ kind = 'status'; status = 429; rateLimitReset = $true; rateLimitResetSeconds = 1 }; Action = 'Fail'; Expect = 'RateLimited'; Attempts = 1 }
    @{ Cmdlet = $c.Cmdlet; Fault = '429 with rate-limit reset headers'; Spec = @{ kind = 'status'; status = 429; rateLimitReset = $true; rateLimitResetSeconds = 1 }; Action = 'Wait'; Expect = 'Success'; Attempts = 2 }
    @{ Cmdlet = $c.Cmdlet; Fault = '429 without any reset header'; Spec = @{ kind = 'status'; status = 429; rateLimitReset = $false }; Action = 'Fail'; Expect = 'RateLimited'; Attempts = 1 }
    @{ Cmdlet = $c.Cmdlet; Fault = '429 without any reset header'; Spec = @{ kind = 'status'; status = 429; rateLimitReset = $false }; Action = 'Wait'; Expect = 'RateLimited'; Attempts = 1 }
    @{ Cmdlet = $c.Cmdlet; Fault = '429 with only retry-after: 1'; Spec = @{ kind = 'status'; status = 429; rateLimitReset = $false; retryAfterSeconds = 1 }; Action = 'Wait'; Expect = 'Success'; Attempts = 2 }
    @{ Cmdlet = $c.Cmdlet; Fault = 'a burst of two 500s'; Spec = @{ kind = 'status'; status = 500; count = 2 }; Action = 'Fail'; Expect = 'Success'; Attempts = 3 }
    @{ Cmdlet = $c.Cmdlet; Fault = 'a burst of five 503s'; Spec = @{ kind = 'status'; status = 503; count = 5 }; Action = 'Fail'; Expect = 'ServiceUnavailable'; Attempts = 3 }
    @{ Cmdlet = $c.Cmdlet; Fault = 'a connection dropped mid-response'; Spec = @{ kind = 'drop' }; Action = 'Fail'; Expect = $(if ($read) { 'Success' } else { 'ConnectionFailed' }); Attempts = $(if ($read) { 2 } else { 1 }) }
    @{ Cmdlet = $c.Cmdlet; Fault = 'three connections dropped mid-response'; Spec = @{ kind = 'drop'; count = 3 }; Action = 'Fail'; Expect = 'ConnectionFailed'; Attempts = $(if ($read) { 3 } else { 1 }) }
    @{ Cmdlet = $c.Cmdlet; Fault = 'an answer slower than the time-out'; Spec = @{ kind = 'slow'; delayMs = 6000 }; Action = 'Fail'; Expect = $(if ($read) { 'Success' } else { 'Timeout' }); Attempts = $(if ($read) { 2 } else { 1 }) }
    @{ Cmdlet = $c.Cmdlet; Fault = 'an empty body where JSON is expected'; Spec = @{ kind = 'emptyBody' }; Action = 'Fail'; Expect = $(if ($parses) { 'UnexpectedResponse' } else { 'Success' }); Attempts = 1 }
    @{ Cmdlet = $c.Cmdlet; Fault = 'a 2xx whose body is not JSON'; Spec = @{ kind = 'notJson' }; Action = 'Fail'; Expect = $(if ($parses) { 'UnexpectedResponse' } else { 'Success' }); Attempts = 1 }
}

$save = @(
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = '429 with rate-limit reset headers'; Spec = @{ kind = 'status'; status = 429; rateLimitReset = $true; rateLimitResetSeconds = 1 }; Action = 'Fail'; Expect = 'Success'; Attempts = 2 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = '429 without any reset header'; Spec = @{ kind = 'status'; status = 429; rateLimitReset = $false }; Action = 'Fail'; Expect = 'Success'; Attempts = 2 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = 'a burst of two 500s'; Spec = @{ kind = 'status'; status = 500; count = 2 }; Action = 'Fail'; Expect = 'Success'; Attempts = 3 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = 'a burst of five 503s'; Spec = @{ kind = 'status'; status = 503; count = 5 }; Action = 'Fail'; Expect = 'DownloadFailed'; Attempts = 3 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = 'a connection dropped mid-response'; Spec = @{ kind = 'drop' }; Action = 'Fail'; Expect = 'Success'; Attempts = 2 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = 'three connections dropped mid-response'; Spec = @{ kind = 'drop'; count = 3 }; Action = 'Fail'; Expect = 'DownloadFailed'; Attempts = 3 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = 'an answer slower than the time-out'; Spec = @{ kind = 'slow'; delayMs = 6000 }; Action = 'Fail'; Expect = 'Success'; Attempts = 2 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = 'an empty body where an image is expected'; Spec = @{ kind = 'emptyBody' }; Action = 'Fail'; Expect = 'DownloadFailed'; Attempts = 1 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = 'a 2xx whose body is HTML'; Spec = @{ kind = 'notJson' }; Action = 'Fail'; Expect = 'DownloadFailed'; Attempts = 1 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = 'a 2xx whose body is a GIF header then HTML'; Spec = @{ kind = 'status'; status = 200; body = 'GIF89a<html><body>Over capacity</body></html>' }; Action = 'Fail'; Expect = 'DownloadFailed'; Attempts = 1 }
    @{ Cmdlet = 'Save-ProfileMedia'; Fault = 'one byte at a time, never silent for a time-out'; Spec = @{ kind = 'trickle'; delayMs = 500 }; Action = 'Fail'; Expect = 'DownloadFailed'; Attempts = 1 }
)

@($rows) + $save

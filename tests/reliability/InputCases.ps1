# The hostile inputs of tests/Reliability.Input.Tests.ps1, one row each. Dot-sourced at discovery; the script blocks
# run inside the tests, where $ctx (files, URLs, connections made in BeforeAll) exists.
#
#   Cmdlet       the cmdlet under test
#   Case         what the input is
#   Bind         Parameter: Bad is bound to -Parameter, with the parameters from With
#                Pipeline:  Bad is piped in, with the parameters from With
#                Array:     Bad is the first element of an array bound to -Parameter, a good value the second
#                Custom:    Run does the whole call
#   ErrorId      the error id (FullyQualifiedErrorId before the comma)
#   Terminating  whether the cmdlet (or the binder) stops with it, rather than writing a non-terminating error
#   Pipe         $false: no good object is sent after the bad one (the bad parameters would spoil it too)
#   Requests     how many requests may reach the emulator (0 unless said: the input is refused locally)
#   Message      a wildcard the error's message must match, when the wording is the point of the case
#   Hidden       text the error must not show anywhere (message or target): a password in the input
#   Unix, Linux  the case needs a Unix system (devices, FIFOs, environment variables set to empty) or Linux (/proc)

@(
    # ---------------------------------------------------------------- Get-ProfileImageVariant (offline)
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = '$null URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { $null }; ErrorId = 'NullUrl' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'empty URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { '' }; ErrorId = 'EmptyUrl' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'white-space URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { " `t " }; ErrorId = 'EmptyUrl' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'ftp URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'ftp://pbs.twimg.com/profile_images/1/a_normal.png' }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'relative URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'profile_images/1/a_normal.png' }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'javascript: URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'javascript:alert(1)//a_normal.png' }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'file: URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'file:///etc/passwd' }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'URL without host'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'http:///a_normal.png' }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'look-alike scheme (Cyrillic р)'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { "htt`u{0440}://pbs.twimg.com/profile_images/1/a_normal.png" }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'full-width scheme'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { "`u{FF48}`u{FF54}`u{FF54}`u{FF50}`u{FF53}://pbs.twimg.com/profile_images/1/a_normal.png" }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'BEL control character'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { "https://pbs.twimg.com/profile_images/1/a`u{0007}_normal.png" }; ErrorId = 'UrlHasInvalidCharacters' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'NUL character'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { "https://pbs.twimg.com/profile_images/1/a`0_normal.png" }; ErrorId = 'UrlHasInvalidCharacters' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'C1 control (NEL)'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { "https://pbs.twimg.com/profile_images/1/a`u{0085}_normal.png" }; ErrorId = 'UrlHasInvalidCharacters' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'CR LF in URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { "https://pbs.twimg.com/profile_images/1/a_normal.png`r`nHost: evil" }; ErrorId = 'UrlHasInvalidCharacters' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'backslashes'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'https://pbs.twimg.com\profile_images\1\a_normal.png' }; ErrorId = 'UrlHasInvalidCharacters' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'URL with no path'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'https://pbs.twimg.com' }; ErrorId = 'UrlHasNoFileSegment' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = '100 KB ftp URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'ftp://pbs.twimg.com/' + ('a' * 102400) + '.png' }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = '100 KB URL with a control character at its end'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'https://pbs.twimg.com/profile_images/1/' + ('a' * 102400) + "`u{0001}" }; ErrorId = 'UrlHasInvalidCharacters' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = '$null from the pipeline'; Bind = 'Pipeline'; Bad = { $null }; ErrorId = 'NullUrl' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'an int from the pipeline'; Bind = 'Pipeline'; Bad = { 42 }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'a DateTime from the pipeline'; Bind = 'Pipeline'; Bad = { [datetime]::new(2024, 1, 2) }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'a hashtable whose only URL is the website'; Bind = 'Pipeline'; Bad = { @{ screen_name = 'x'; url = 'https://example.com/x_normal.png' } }; ErrorId = 'NullUrl' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'a FileInfo from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.Png }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'a ftp Uri object from the pipeline'; Bind = 'Pipeline'; Bad = { [uri] 'ftp://pbs.twimg.com/a_normal.png' }; ErrorId = 'UrlNotAbsoluteHttp' }
    # The module's own banner variant is not an image: refused as Save-ProfileMedia refuses a wrong type.
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'a banner variant from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.BannerVariant }; ErrorId = 'UnsupportedInput' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'a user object whose image URL is $null'; Bind = 'Pipeline'; Bad = { [pscustomobject]@{ screen_name = 'x'; profile_image_url_https = $null } }; ErrorId = 'NullUrl' }
    # Input whose own code throws while it is read: an error for that object, and the pipeline goes on.
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'an object whose ToString() throws'; Bind = 'Pipeline'; Bad = { $ctx.NewThrowingToString() }; ErrorId = 'UnreadableInput' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'a user object whose ScriptProperty throws'; Bind = 'Pipeline'; Bad = { $ctx.NewThrowingProperty('profile_image_url_https') }; ErrorId = 'UnreadableInput'; Message = '*getter failed*' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'a hashtable whose URL value''s ToString() throws'; Bind = 'Pipeline'; Bad = { @{ profile_image_url_https = $ctx.NewThrowingToString() } }; ErrorId = 'UnreadableInput' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'an object whose ToString() throws, in -Url'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { $ctx.NewThrowingToString() }; ErrorId = 'UnreadableInput' }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'an unknown -Size'; Bind = 'Parameter'; Parameter = 'Size'; Bad = { 'huge' }; With = { @{ Url = $ctx.ImageUrl } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Get-ProfileImageVariant'; Case = 'an empty -Size array'; Bind = 'Parameter'; Parameter = 'Size'; Bad = { , @() }; With = { @{ Url = $ctx.ImageUrl } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }

    # ---------------------------------------------------------------- Get-ProfileBanner (offline and API)
    @{ Cmdlet = 'Get-ProfileBanner'; Case = '$null URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { $null }; ErrorId = 'NullUrl' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'empty URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { '' }; ErrorId = 'EmptyUrl' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'ftp URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'ftp://pbs.twimg.com/profile_banners/1/2' }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'URL with no path'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { 'https://pbs.twimg.com?x=1' }; ErrorId = 'UrlHasNoFileSegment' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'tab in URL'; Bind = 'Parameter'; Parameter = 'Url'; Bad = { "https://pbs.twimg.com/profile_banners/1/`t2" }; ErrorId = 'UrlHasInvalidCharacters' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'an int from the pipeline'; Bind = 'Pipeline'; Bad = { 7 }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'an XmlDocument from the pipeline'; Bind = 'Pipeline'; Bad = { [xml] '<a/>' }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'an image variant from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.ImageVariant }; ErrorId = 'UnsupportedInput' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'a user object whose banner URL is $null'; Bind = 'Pipeline'; Bad = { [pscustomobject]@{ screen_name = 'DefaultUser'; profile_banner_url = $null } }; ErrorId = 'NullUrl' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'an object whose ToString() throws'; Bind = 'Pipeline'; Bad = { $ctx.NewThrowingToString() }; ErrorId = 'UnreadableInput' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'a user object whose ScriptProperty throws'; Bind = 'Pipeline'; Bad = { $ctx.NewThrowingProperty('profile_banner_url') }; ErrorId = 'UnreadableInput'; Message = '*getter failed*' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'empty screen name'; Bind = 'Array'; Parameter = 'ScreenName'; Bad = { '' }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = '100 KB screen name'; Bind = 'Array'; Parameter = 'ScreenName'; Bad = { 'a' * 102400 }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'look-alike screen name (Cyrillic а)'; Bind = 'Array'; Parameter = 'ScreenName'; Bad = { "Emul`u{0430}tedUser" }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'screen name with a zero-width space'; Bind = 'Array'; Parameter = 'ScreenName'; Bad = { "Emulated`u{200B}User" }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'screen name with a newline'; Bind = 'Array'; Parameter = 'ScreenName'; Bad = { "Emulated`nUser" }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = '$null screen name'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { $null }; ErrorId = 'ParameterArgumentValidationErrorNullNotAllowed'; Terminating = $true }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'empty screen-name array'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { , @() }; ErrorId = 'ParameterArgumentValidationErrorEmptyArrayNotAllowed'; Terminating = $true }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'letters as user id'; Bind = 'Array'; Parameter = 'UserId'; Bad = { 'abc' }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'negative user id'; Bind = 'Array'; Parameter = 'UserId'; Bad = { '-1' }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = '30-digit user id'; Bind = 'Array'; Parameter = 'UserId'; Bad = { '9' * 30 }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'user id above the signed 64-bit maximum'; Bind = 'Array'; Parameter = 'UserId'; Bad = { '9999999999999999999' }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'Arabic-Indic digits as user id'; Bind = 'Array'; Parameter = 'UserId'; Bad = { "`u{0661}`u{0662}`u{0663}" }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileBanner'; Case = 'an unknown -Size'; Bind = 'Parameter'; Parameter = 'Size'; Bad = { '1500x501' }; With = { @{ ScreenName = 'EmulatedUser' } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }

    # ---------------------------------------------------------------- Get-ProfileUser
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'empty screen name'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { '' }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'screen name with a space'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { 'a b' }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'two @ signs'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { '@@x' }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'full-width look-alike screen name'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { "`u{FF25}mulatedUser" }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'right-to-left override'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { "Emulated`u{202E}User" }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = '100 KB screen name'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { 'a' * 102400 }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'query injection'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { 'x&user_id=1000002' }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'a profile URL as screen name'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { 'https://x.com/EmulatedUser' }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'percent-encoded screen name'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { '%45mulatedUser' }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = '$null from the pipeline'; Bind = 'Pipeline'; Bad = { $null }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'a hashtable from the pipeline'; Bind = 'Pipeline'; Bad = { @{ screen_name = 'EmulatedUser' } }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'a DateTime from the pipeline'; Bind = 'Pipeline'; Bad = { [datetime]::new(2024, 1, 2) }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'a user object whose screen_name is $null'; Bind = 'Pipeline'; Bad = { [pscustomobject]@{ screen_name = $null } }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'a user object whose id_str is letters'; Bind = 'Pipeline'; Bad = { [pscustomobject]@{ id_str = 'abc' } }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'a connection object from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.Connection }; ErrorId = 'InvalidScreenName' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'letters as user id'; Bind = 'Array'; Parameter = 'UserId'; Bad = { 'abc' }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'user id 0'; Bind = 'Array'; Parameter = 'UserId'; Bad = { '0' }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'user id 000'; Bind = 'Array'; Parameter = 'UserId'; Bad = { '000' }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'user id above the signed 64-bit maximum'; Bind = 'Array'; Parameter = 'UserId'; Bad = { '9223372036854775808' }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'user id in exponent form'; Bind = 'Array'; Parameter = 'UserId'; Bad = { '1e3' }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = '100 KB of digits as user id'; Bind = 'Array'; Parameter = 'UserId'; Bad = { '1' * 102400 }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'user id with a plus sign'; Bind = 'Array'; Parameter = 'UserId'; Bad = { '+1000001' }; ErrorId = 'InvalidUserId' }
    @{ Cmdlet = 'Get-ProfileUser'; Case = '$null screen name'; Bind = 'Parameter'; Parameter = 'ScreenName'; Bad = { $null }; ErrorId = 'InvalidScreenName' }
    # An empty -ScreenName names no one (nothing is sent, nothing output); no name at all is the connected account: ApiV2.Tests.ps1.
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'an unknown -RateLimitAction'; Bind = 'Parameter'; Parameter = 'RateLimitAction'; Bad = { 'Sometimes' }; With = { @{ ScreenName = 'EmulatedUser' } }; ErrorId = 'CannotConvertArgumentNoMessage'; Terminating = $true }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'a negative -MaxRateLimitWait'; Bind = 'Parameter'; Parameter = 'MaxRateLimitWait'; Bad = { [timespan]::FromSeconds(-1) }; With = { @{ ScreenName = 'EmulatedUser' } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Get-ProfileUser'; Case = '$null -Connection'; Bind = 'Parameter'; Parameter = 'Connection'; Bad = { $null }; With = { @{ ScreenName = 'EmulatedUser' } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'a string as -Connection'; Bind = 'Parameter'; Parameter = 'Connection'; Bad = { 'EmulatedUser' }; With = { @{ ScreenName = 'EmulatedUser' } }; ErrorId = 'CannotConvertArgumentNoMessage'; Terminating = $true }
    @{ Cmdlet = 'Get-ProfileUser'; Case = 'a closed -Connection'; Bind = 'Parameter'; Parameter = 'Connection'; Bad = { $ctx.Closed }; With = { @{ ScreenName = 'EmulatedUser' } }; ErrorId = 'ConnectionClosed'; Terminating = $true }

    # ---------------------------------------------------------------- Set-ProfileImage
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a 0-byte file'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Empty }; ErrorId = 'ImageFileEmpty' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'text under a .png name'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Text }; ErrorId = 'UnsupportedImageFormat' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'WebP under a .png name'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.WebP }; ErrorId = 'UnsupportedImageFormat' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'HTML under a .png name'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Html }; ErrorId = 'UnsupportedImageFormat' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a truncated PNG'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Cut }; ErrorId = 'TruncatedImage' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a PNG signature only'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.SignatureOnly }; ErrorId = 'TruncatedImage' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a truncated JPEG'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.CutJpeg }; ErrorId = 'TruncatedImage' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a PNG one byte over 700 KB'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Big }; ErrorId = 'ImageFileTooLarge' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a directory'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Folder.FullName }; ErrorId = 'ImageFileIsDirectory' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a missing file'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { Join-Path $ctx.Folder 'missing.png' }; ErrorId = 'ImageFileNotFound' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a missing file by -LiteralPath'; Bind = 'Parameter'; Parameter = 'LiteralPath'; Bad = { Join-Path $ctx.Folder 'missing[1].png' }; ErrorId = 'ImageFileNotFound'; Pipe = $false }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a wildcard matching nothing'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { Join-Path $ctx.Folder 'nothing*.png' }; ErrorId = 'ImageFileNotFound' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a wildcard matching two files'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { Join-Path $ctx.Folder 'twin?.png' }; ErrorId = 'PathMatchesSeveralFiles' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'an Env: path'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { 'Env:\PATH' }; ErrorId = 'NotFileSystemPath' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a Function: path'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { 'Function:\prompt' }; ErrorId = 'NotFileSystemPath' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a Variable: path by -LiteralPath'; Bind = 'Parameter'; Parameter = 'LiteralPath'; Bad = { 'Variable:\PWD' }; ErrorId = 'NotFileSystemPath'; Pipe = $false }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a drive that does not exist'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { 'NoSuchDrive:\avatar.png' }; ErrorId = 'InvalidImagePath' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a URL as path'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { 'https://example.com/avatar.png' }; ErrorId = 'InvalidImagePath' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'an empty path'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { '' }; ErrorId = 'PathEmpty' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a white-space path'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { '   ' }; ErrorId = 'PathEmpty' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a NUL character in -LiteralPath'; Bind = 'Parameter'; Parameter = 'LiteralPath'; Bad = { Join-Path $ctx.Folder "a`0b.png" }; ErrorId = 'ImageFileUnreadable'; Pipe = $false }
    @{ Cmdlet = 'Set-ProfileImage'; Case = '$null path'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $null }; ErrorId = 'ParameterArgumentValidationErrorNullNotAllowed'; Terminating = $true }
    @{ Cmdlet = 'Set-ProfileImage'; Case = '$null from the pipeline'; Bind = 'Pipeline'; Bad = { $null }; ErrorId = 'ParameterArgumentValidationErrorNullNotAllowed' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'an int from the pipeline'; Bind = 'Pipeline'; Bad = { 42 }; ErrorId = 'ImageFileNotFound' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a DirectoryInfo from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.Folder }; ErrorId = 'ImageFileIsDirectory' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a FileInfo of an empty file from the pipeline'; Bind = 'Pipeline'; Bad = { Get-Item -LiteralPath $ctx.Empty }; ErrorId = 'ImageFileEmpty' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a ProfileUser from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.User }; ErrorId = 'ImageFileNotFound' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'an image variant (a URL) from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.ImageVariant }; ErrorId = 'InvalidImagePath' }
    # Not regular files: refused by what they are, before they are opened (a FIFO would block the open forever).
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a character device'; Bind = 'Parameter'; Parameter = 'LiteralPath'; Bad = { '/dev/zero' }; ErrorId = 'ImageFileNotRegular'; Pipe = $false; Unix = $true }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a device of endless random bytes'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { '/dev/urandom' }; ErrorId = 'ImageFileNotRegular'; Unix = $true }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a FIFO no one writes to'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Fifo }; ErrorId = 'ImageFileNotRegular'; Unix = $true }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a FileInfo of a FIFO from the pipeline'; Bind = 'Pipeline'; Bad = { Get-Item -LiteralPath $ctx.Fifo }; ErrorId = 'ImageFileNotRegular'; Unix = $true }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a /proc file that reports size 0'; Bind = 'Parameter'; Parameter = 'LiteralPath'; Bad = { '/proc/self/status' }; ErrorId = 'ImageFileNotRegular'; Pipe = $false; Linux = $true }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a PNG whose IEND is cut, padded with zeros'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.CutPadded }; ErrorId = 'TruncatedImage' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a JPEG whose only FF D9 is inside its EXIF segment'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.StrayEoi }; ErrorId = 'TruncatedImage' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a GIF header followed by HTML'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.GifHtml }; ErrorId = 'TruncatedImage' }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'a -WaitTimeout of 0'; Bind = 'Parameter'; Parameter = 'WaitTimeout'; Bad = { [timespan]::Zero }; With = { @{ Path = $ctx.Png.FullName; Wait = $true } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Set-ProfileImage'; Case = 'two paths for one upload'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Png.FullName, $ctx.Png.FullName }; ErrorId = 'CannotConvertArgument'; Terminating = $true }
    @{ Cmdlet = 'Set-ProfileImage'; Case = '-Path and -LiteralPath together'; Bind = 'Parameter'; Parameter = 'LiteralPath'; Bad = { $ctx.Png.FullName }; With = { @{ Path = $ctx.Png.FullName } }; ErrorId = 'AmbiguousParameterSet'; Terminating = $true }

    # ---------------------------------------------------------------- Set-ProfileBanner
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a partial region'; Bind = 'Parameter'; Parameter = 'Width'; Bad = { 100 }; With = { @{ Path = $ctx.Png.FullName } }; ErrorId = 'InvalidBannerRegion'; Pipe = $false }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a negative width'; Bind = 'Parameter'; Parameter = 'Width'; Bad = { -1 }; With = { @{ Path = $ctx.Png.FullName; Height = 1; OffsetLeft = 0; OffsetTop = 0 } }; ErrorId = 'InvalidBannerRegion'; Pipe = $false }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a 0x0 region'; Bind = 'Parameter'; Parameter = 'Width'; Bad = { 0 }; With = { @{ Path = $ctx.Png.FullName; Height = 0; OffsetLeft = 0; OffsetTop = 0 } }; ErrorId = 'InvalidBannerRegion'; Pipe = $false }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a negative offset'; Bind = 'Parameter'; Parameter = 'OffsetLeft'; Bad = { -5 }; With = { @{ Path = $ctx.Png.FullName; Width = 10; Height = 10; OffsetTop = 0 } }; ErrorId = 'InvalidBannerRegion'; Pipe = $false }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'letters as width'; Bind = 'Parameter'; Parameter = 'Width'; Bad = { 'wide' }; With = { @{ Path = $ctx.Png.FullName; Height = 1; OffsetLeft = 0; OffsetTop = 0 } }; ErrorId = 'CannotConvertArgumentNoMessage'; Terminating = $true }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a PNG one byte over 5 MB'; Bind = 'Parameter'; Parameter = 'LiteralPath'; Bad = { $ctx.BigBanner }; ErrorId = 'ImageFileTooLarge'; Pipe = $false }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'text under a .png name'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Text }; ErrorId = 'UnsupportedImageFormat' }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a truncated PNG'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Cut }; ErrorId = 'TruncatedImage' }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a 0-byte file'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Empty }; ErrorId = 'ImageFileEmpty' }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a character device'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { '/dev/zero' }; ErrorId = 'ImageFileNotRegular'; Unix = $true }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a FIFO no one writes to'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { $ctx.Fifo }; ErrorId = 'ImageFileNotRegular'; Unix = $true }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a 0 by 10 region'; Bind = 'Parameter'; Parameter = 'Width'; Bad = { 0 }; With = { @{ Path = $ctx.Png.FullName; Height = 10; OffsetLeft = 0; OffsetTop = 0 } }; ErrorId = 'InvalidBannerRegion'; Pipe = $false; Message = '*got width 0 and height 10.' }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a wildcard matching two files'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { Join-Path $ctx.Folder 'twin*' }; ErrorId = 'PathMatchesSeveralFiles' }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'an Env: path'; Bind = 'Parameter'; Parameter = 'Path'; Bad = { 'Env:\HOME' }; ErrorId = 'NotFileSystemPath' }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a DirectoryInfo from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.Folder }; ErrorId = 'ImageFileIsDirectory' }
    @{ Cmdlet = 'Set-ProfileBanner'; Case = 'a hashtable from the pipeline'; Bind = 'Pipeline'; Bad = { @{ FullName = $ctx.Png.FullName } }; ErrorId = 'ImageFileNotFound' }

    # ---------------------------------------------------------------- Remove-ProfileBanner (takes no input: "acts once per run")
    @{ Cmdlet = 'Remove-ProfileBanner'; Case = 'a string from the pipeline'; Bind = 'Pipeline'; Bad = { 'DefaultUser' }; With = { @{ Confirm = $false } }; ErrorId = 'InputObjectNotBound' }
    @{ Cmdlet = 'Remove-ProfileBanner'; Case = 'another user''s ProfileUser from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.OtherUser }; With = { @{ Confirm = $false } }; ErrorId = 'InputObjectNotBound' }
    @{ Cmdlet = 'Remove-ProfileBanner'; Case = 'a positional screen name'; Bind = 'Custom'; Run = { Remove-ProfileBanner 'DefaultUser' -Confirm:$false }; ErrorId = 'PositionalParameterNotFound'; Terminating = $true }
    @{ Cmdlet = 'Remove-ProfileBanner'; Case = 'an unknown -RateLimitAction'; Bind = 'Parameter'; Parameter = 'RateLimitAction'; Bad = { 99 }; With = { @{ Confirm = $false } }; ErrorId = 'CannotConvertArgumentNoMessage'; Terminating = $true }
    @{ Cmdlet = 'Remove-ProfileBanner'; Case = 'a -MaxRateLimitWait over a day'; Bind = 'Parameter'; Parameter = 'MaxRateLimitWait'; Bad = { [timespan]::FromDays(2) }; With = { @{ Confirm = $false } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Remove-ProfileBanner'; Case = 'a closed -Connection'; Bind = 'Parameter'; Parameter = 'Connection'; Bad = { $ctx.Closed }; With = { @{ Confirm = $false } }; ErrorId = 'ConnectionClosed'; Terminating = $true }

    # ---------------------------------------------------------------- Save-ProfileMedia
    @{ Cmdlet = 'Save-ProfileMedia'; Case = '$null input'; Bind = 'Parameter'; Parameter = 'InputObject'; Bad = { $null }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'NullInput' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'empty URL'; Bind = 'Parameter'; Parameter = 'InputObject'; Bad = { '' }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'EmptyUrl' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'ftp URL'; Bind = 'Parameter'; Parameter = 'InputObject'; Bad = { 'ftp://127.0.0.1/profile_images/1/a.png' }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'URL with a newline'; Bind = 'Parameter'; Parameter = 'InputObject'; Bad = { "$($ctx.ImageUrl)`n" }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UrlHasInvalidCharacters' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'URL with no path'; Bind = 'Parameter'; Parameter = 'InputObject'; Bad = { $ctx.MediaBase.TrimEnd('/') }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UrlHasNoFileSegment' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'an int'; Bind = 'Pipeline'; Bad = { 42 }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UnsupportedInput' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a hashtable'; Bind = 'Pipeline'; Bad = { @{ Url = $ctx.ImageUrl } }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UnsupportedInput' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a DateTime'; Bind = 'Pipeline'; Bad = { [datetime]::new(2024, 1, 2) }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UnsupportedInput' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a FileInfo'; Bind = 'Pipeline'; Bad = { $ctx.Png }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UnsupportedInput' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a connection object'; Bind = 'Pipeline'; Bad = { $ctx.Connection }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UnsupportedInput' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a custom object with only a Url'; Bind = 'Pipeline'; Bad = { [pscustomobject]@{ Url = $ctx.ImageUrl } }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UnsupportedInput' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a user object whose image URL is $null'; Bind = 'Pipeline'; Bad = { [pscustomobject]@{ screen_name = 'x'; profile_image_url_https = $null } }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'NullUrl' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a ftp Uri object'; Bind = 'Pipeline'; Bad = { [uri] 'ftp://127.0.0.1/a.png' }; With = { @{ Destination = $ctx.NewDestination() } }; ErrorId = 'UrlNotAbsoluteHttp' }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'an empty -Destination'; Bind = 'Parameter'; Parameter = 'Destination'; Bad = { '' }; With = { @{ InputObject = $ctx.ImageVariant } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'an Env: -Destination'; Bind = 'Parameter'; Parameter = 'Destination'; Bad = { 'Env:\' }; With = { @{ InputObject = $ctx.ImageVariant } }; ErrorId = 'InvalidDestination'; Terminating = $true }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a file as -Destination'; Bind = 'Parameter'; Parameter = 'Destination'; Bad = { $ctx.Png.FullName }; With = { @{ InputObject = $ctx.ImageVariant } }; ErrorId = 'InvalidDestination'; Terminating = $true }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a -Destination on a missing drive'; Bind = 'Parameter'; Parameter = 'Destination'; Bad = { 'NoSuchDrive:\saved' }; With = { @{ InputObject = $ctx.ImageVariant } }; ErrorId = 'InvalidDestination'; Terminating = $true }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a -Destination under a file'; Bind = 'Parameter'; Parameter = 'Destination'; Bad = { Join-Path $ctx.Png.FullName 'saved' }; With = { @{ InputObject = $ctx.ImageVariant } }; ErrorId = 'InvalidDestination'; Terminating = $true }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a NUL character in -Destination'; Bind = 'Parameter'; Parameter = 'Destination'; Bad = { Join-Path $ctx.Folder "sa`0ved" }; With = { @{ InputObject = $ctx.ImageVariant } }; ErrorId = 'InvalidDestination'; Terminating = $true }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'a -ThrottleLimit of 0'; Bind = 'Parameter'; Parameter = 'ThrottleLimit'; Bad = { 0 }; With = { @{ InputObject = $ctx.ImageVariant; Destination = $ctx.NewDestination() } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Save-ProfileMedia'; Case = 'an unknown -ImageSize'; Bind = 'Parameter'; Parameter = 'ImageSize'; Bad = { 'huge' }; With = { @{ InputObject = $ctx.User; Destination = $ctx.NewDestination() } }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }

    # ---------------------------------------------------------------- Connect-ProfileMedia (all terminating: there is no connection to go on with)
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'an empty consumer key'; Bind = 'Custom'; Run = { Connect-ProfileMedia -ConsumerKey '' -ConsumerSecret $ctx.Secret -AccessToken t -AccessTokenSecret $ctx.Secret -ApiBaseUri $ctx.BaseUri }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a $null consumer secret'; Bind = 'Custom'; Run = { Connect-ProfileMedia -ConsumerKey k -ConsumerSecret $null -AccessToken t -AccessTokenSecret $ctx.Secret -ApiBaseUri $ctx.BaseUri }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a plain-text secret'; Bind = 'Custom'; Run = { Connect-ProfileMedia -ConsumerKey k -ConsumerSecret 'plain' -AccessToken t -AccessTokenSecret $ctx.Secret -ApiBaseUri $ctx.BaseUri }; ErrorId = 'CannotConvertArgumentNoMessage'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'missing credentials'; Bind = 'Custom'; Run = { Connect-ProfileMedia -ConsumerKey k -ApiBaseUri $ctx.BaseUri }; ErrorId = 'MissingCredential'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a white-space consumer key'; Bind = 'Custom'; Run = { Connect-ProfileMedia -ConsumerKey "  `t" -ConsumerSecret $ctx.Secret -AccessToken t -AccessTokenSecret $ctx.Secret -ApiBaseUri $ctx.BaseUri }; ErrorId = 'EmptyCredential'; Terminating = $true; Message = '*-ConsumerKey is empty or white space*' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a white-space access token'; Bind = 'Custom'; Run = { Connect-ProfileMedia -ConsumerKey k -ConsumerSecret $ctx.Secret -AccessToken ' ' -AccessTokenSecret $ctx.Secret -ApiBaseUri $ctx.BaseUri }; ErrorId = 'EmptyCredential'; Terminating = $true; Message = '*-AccessToken is empty*' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'an empty SecureString secret'; Bind = 'Custom'; Run = { Connect-ProfileMedia k ([securestring]::new()) t $ctx.Secret -ApiBaseUri $ctx.BaseUri }; ErrorId = 'EmptyCredential'; Terminating = $true; Message = '*-ConsumerSecret is empty*' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a white-space SecureString token secret'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t (ConvertTo-SecureString " `t " -AsPlainText -Force) -ApiBaseUri $ctx.BaseUri }; ErrorId = 'EmptyCredential'; Terminating = $true; Message = '*-AccessTokenSecret is empty*' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a white-space secret in the environment'; Bind = 'Custom'; Run = { Invoke-WithCredentialVariables @{ PROFILEMEDIA_ACCESS_TOKEN_SECRET = '   ' } { Connect-ProfileMedia -ApiBaseUri $ctx.BaseUri } }; ErrorId = 'EmptyCredential'; Terminating = $true; Message = '*$env:PROFILEMEDIA_ACCESS_TOKEN_SECRET is empty*' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a consumer key variable set to empty'; Bind = 'Custom'; Run = { Invoke-WithCredentialVariables @{ PROFILEMEDIA_CONSUMER_KEY = '' } { Connect-ProfileMedia -ApiBaseUri $ctx.BaseUri } }; ErrorId = 'EmptyCredential'; Terminating = $true; Message = '*$env:PROFILEMEDIA_CONSUMER_KEY is empty*'; Unix = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a 100,000-character Bearer token in the environment'; Bind = 'Custom'; Run = { Invoke-WithCredentialVariables @{ PROFILEMEDIA_BEARER_TOKEN = 'Z' * 100000 } { Connect-ProfileMedia -ApiBaseUri $ctx.BaseUri } }; ErrorId = 'CredentialTooLong'; Terminating = $true; Message = '*$env:PROFILEMEDIA_BEARER_TOKEN is 100,000 characters long*'; Hidden = 'ZZZZZZZZ' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a 100,000-character consumer secret in the environment'; Bind = 'Custom'; Run = { Invoke-WithCredentialVariables @{ PROFILEMEDIA_CONSUMER_SECRET = 'Z' * 100000 } { Connect-ProfileMedia -ApiBaseUri $ctx.BaseUri } }; ErrorId = 'CredentialTooLong'; Terminating = $true; Message = '*$env:PROFILEMEDIA_CONSUMER_SECRET is 100,000 characters long*'; Hidden = 'ZZZZZZZZ' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a white-space Bearer token in the environment'; Bind = 'Custom'; Run = { Invoke-WithCredentialVariables @{ PROFILEMEDIA_BEARER_TOKEN = " `t " } { Connect-ProfileMedia -ApiBaseUri $ctx.BaseUri } }; ErrorId = 'EmptyCredential'; Terminating = $true; Message = '*$env:PROFILEMEDIA_BEARER_TOKEN is empty or white space*' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a Bearer token variable set to empty'; Bind = 'Custom'; Run = { Invoke-WithCredentialVariables @{ PROFILEMEDIA_BEARER_TOKEN = '' } { Connect-ProfileMedia -ApiBaseUri $ctx.BaseUri } }; ErrorId = 'EmptyCredential'; Terminating = $true; Message = '*$env:PROFILEMEDIA_BEARER_TOKEN is empty*'; Unix = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a -BearerToken with a space inside'; Bind = 'Custom'; Run = { Connect-ProfileMedia -ApiBaseUri $ctx.BaseUri -BearerToken (ConvertTo-SecureString 'AAAA BBBB' -AsPlainText -Force) }; ErrorId = 'InvalidBearerToken'; Terminating = $true; Message = 'The Bearer token in -BearerToken holds a space*without quotes or line breaks.'; Hidden = 'BBBB' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'an empty user info (http://@127.0.0.1/)'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri 'http://@127.0.0.1/1.1/' }; ErrorId = 'InvalidApiBaseUri'; Terminating = $true; Message = '*user information*' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a user name alone in the base URI'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri 'http://me@127.0.0.1/1.1/' }; ErrorId = 'InvalidApiBaseUri'; Terminating = $true; Message = '*user information*' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a ftp base URI'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri 'ftp://127.0.0.1/1.1/' }; ErrorId = 'InvalidApiBaseUri'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a relative base URI'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri '1.1/' }; ErrorId = 'InvalidApiBaseUri'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'plain http to a remote host'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri 'http://api.example.com/1.1/' }; ErrorId = 'InvalidApiBaseUri'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a base URI with user information'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri 'https://user:hunter2@api.x.com/1.1/' }; ErrorId = 'InvalidApiBaseUri'; Terminating = $true; Hidden = 'hunter2' }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a base URI with a query'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri 'https://api.x.com/1.1/?x=1' }; ErrorId = 'InvalidApiBaseUri'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a malformed PROFILEMEDIA_API_BASE_URI'; Bind = 'Custom'; Run = { $env:PROFILEMEDIA_API_BASE_URI = 'not a uri'; try { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret } finally { Remove-Item Env:\PROFILEMEDIA_API_BASE_URI } }; ErrorId = 'InvalidApiBaseUri'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a -Timeout of 0'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri $ctx.BaseUri -Timeout 0 }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = '-MaxRetries 11'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri $ctx.BaseUri -MaxRetries 11 }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Connect-ProfileMedia'; Case = 'a -RetryBaseDelay of 2 minutes'; Bind = 'Custom'; Run = { Connect-ProfileMedia k $ctx.Secret t $ctx.Secret -ApiBaseUri $ctx.BaseUri -RetryBaseDelay (New-TimeSpan -Minutes 2) }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }

    # ---------------------------------------------------------------- Disconnect-ProfileMedia
    @{ Cmdlet = 'Disconnect-ProfileMedia'; Case = 'a string as connection'; Bind = 'Parameter'; Parameter = 'Connection'; Bad = { 'EmulatedUser' }; ErrorId = 'CannotConvertArgumentNoMessage'; Terminating = $true }
    @{ Cmdlet = 'Disconnect-ProfileMedia'; Case = '$null connection'; Bind = 'Parameter'; Parameter = 'Connection'; Bad = { $null }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    @{ Cmdlet = 'Disconnect-ProfileMedia'; Case = 'an int from the pipeline'; Bind = 'Pipeline'; Bad = { 42 }; ErrorId = 'InputObjectNotBound' }
    @{ Cmdlet = 'Disconnect-ProfileMedia'; Case = 'a ProfileUser from the pipeline'; Bind = 'Pipeline'; Bad = { $ctx.User }; ErrorId = 'InputObjectNotBound' }
)

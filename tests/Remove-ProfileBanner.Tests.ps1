BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $emulator = Start-ProfileMediaEmulator
    $null = Connect-EmulatorAccount $emulator
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
}

Describe 'Remove-ProfileBanner' {
    BeforeEach { Reset-Emulator $emulator }

    It 'removes the banner, and -WhatIf removes nothing' {
        Clear-EmulatorRequest $emulator
        Remove-ProfileBanner -WhatIf
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
        Remove-ProfileBanner -Confirm:$false
        (Get-ProfileUser EmulatedUser).ProfileBannerUrl | Should -BeNullOrEmpty
    }

    It 'outputs nothing, and with -PassThru the account as it is after the removal' {
        Remove-ProfileBanner -Confirm:$false | Should -BeNullOrEmpty
        Reset-Emulator $emulator
        $account = Remove-ProfileBanner -Confirm:$false -PassThru
        $account.PSObject.TypeNames[0] | Should -Be 'ProfileMedia.ProfileUser'
        $account.ScreenName | Should -Be 'EmulatedUser'
        $account.ProfileBannerUrl | Should -BeNullOrEmpty
    }

    It 'declares high impact, so it asks for confirmation by default' {
        (Get-Command Remove-ProfileBanner).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
    }
}

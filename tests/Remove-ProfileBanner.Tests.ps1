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

    It 'declares high impact, so it asks for confirmation by default' {
        (Get-Command Remove-ProfileBanner).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
    }
}

// Placeholder entry point until the emulator lands (issue 3).
return 0;

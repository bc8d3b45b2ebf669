namespace Grading.Cli.LocalEngine;

/// <summary>The local engine cannot run (Azurite missing or not starting, Node.js absent); the message says how to fix it.</summary>
public sealed class LocalEngineUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

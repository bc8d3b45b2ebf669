namespace Grading.Inference.GenAi;

/// <summary>A model folder is missing, incomplete or unreadable; the message names the folder and what is wrong.</summary>
public sealed class ModelFolderException(string message, Exception? inner = null) : Exception(message, inner);

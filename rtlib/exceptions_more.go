package rtlib

// More of the builtin exception hierarchy.
var (
	// OSErrorType is OSError (the base of TimeoutError).
	OSErrorType                  = TimeoutErrorType.Bases[0]
	KeyboardInterruptType        = newType("KeyboardInterrupt", BaseExceptionType)
	RecursionErrorType           = newType("RecursionError", RuntimeErrorType)
	ModuleNotFoundErrorType      = newType("ModuleNotFoundError", ImportErrorType)
	UnicodeErrorType             = newType("UnicodeError", ValueErrorType)
	UnicodeDecodeErrorType       = newType("UnicodeDecodeError", UnicodeErrorType)
	UnicodeEncodeErrorType       = newType("UnicodeEncodeError", UnicodeErrorType)
	EOFErrorType                 = newType("EOFError", ExceptionType)
	MemoryErrorType              = newType("MemoryError", ExceptionType)
	BufferErrorType              = newType("BufferError", ExceptionType)
	FloatingPointErrorType       = newType("FloatingPointError", ArithmeticErrorType)
	ReferenceErrorType           = newType("ReferenceError", ExceptionType)
	SystemErrorType              = newType("SystemError", ExceptionType)
	ConnectionErrorType          = newType("ConnectionError", OSErrorType)
	BrokenPipeErrorType          = newType("BrokenPipeError", ConnectionErrorType)
	ConnectionAbortedErrorType   = newType("ConnectionAbortedError", ConnectionErrorType)
	ConnectionRefusedErrorType   = newType("ConnectionRefusedError", ConnectionErrorType)
	ConnectionResetErrorType     = newType("ConnectionResetError", ConnectionErrorType)
	FileNotFoundErrorType        = newType("FileNotFoundError", OSErrorType)
	FileExistsErrorType          = newType("FileExistsError", OSErrorType)
	PermissionErrorType          = newType("PermissionError", OSErrorType)
	IsADirectoryErrorType        = newType("IsADirectoryError", OSErrorType)
	NotADirectoryErrorType       = newType("NotADirectoryError", OSErrorType)
	InterruptedErrorType         = newType("InterruptedError", OSErrorType)
	ProcessLookupErrorType       = newType("ProcessLookupError", OSErrorType)
	ChildProcessErrorType        = newType("ChildProcessError", OSErrorType)
	BlockingIOErrorType          = newType("BlockingIOError", OSErrorType)
	WarningType                  = newType("Warning", ExceptionType)
	UserWarningType              = newType("UserWarning", WarningType)
	DeprecationWarningType       = newType("DeprecationWarning", WarningType)
	RuntimeWarningType           = newType("RuntimeWarning", WarningType)
	PendingDeprecationWarningTyp = newType("PendingDeprecationWarning", WarningType)
	ResourceWarningType          = newType("ResourceWarning", WarningType)
)

func init() {
	for _, t := range []*Type{OSErrorType, KeyboardInterruptType, RecursionErrorType, ModuleNotFoundErrorType,
		UnicodeErrorType, UnicodeDecodeErrorType, UnicodeEncodeErrorType, EOFErrorType, MemoryErrorType,
		BufferErrorType, FloatingPointErrorType, ReferenceErrorType, SystemErrorType, ConnectionErrorType,
		BrokenPipeErrorType, ConnectionAbortedErrorType, ConnectionRefusedErrorType, ConnectionResetErrorType,
		FileNotFoundErrorType, FileExistsErrorType, PermissionErrorType, IsADirectoryErrorType,
		NotADirectoryErrorType, InterruptedErrorType, ProcessLookupErrorType, ChildProcessErrorType,
		BlockingIOErrorType, WarningType, UserWarningType, DeprecationWarningType, RuntimeWarningType,
		PendingDeprecationWarningTyp, ResourceWarningType} {
		if _, ok := builtins[t.Name]; !ok {
			builtins[t.Name] = t
		}
	}
	builtins["EnvironmentError"] = OSErrorType
	builtins["IOError"] = OSErrorType
}

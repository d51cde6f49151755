package rtlib

import (
	"math/big"
	"strconv"
)

// IntMaxStrDigits is CPython's limit on the decimal digits of an int
// converted to or from a str (sys.get_int_max_str_digits(),
// sys.set_int_max_str_digits()); 0 means no limit.
var IntMaxStrDigits = IntDefaultMaxStrDigits

// CPython's sys.int_info.default_max_str_digits and
// str_digits_check_threshold: the limit when a program starts, and the
// least nonzero limit set_int_max_str_digits accepts.
const (
	IntDefaultMaxStrDigits = 4300
	IntStrDigitsThreshold  = 640
)

// log10of2 is log10(2), for bounds on the decimal digits of an n-bit int.
const log10of2 = 0.30102999566398120

func intStrLimitErr() *BaseException {
	return Errorf(ValueErrorType, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", IntMaxStrDigits)
}

// bigDecimal is the decimal text of v (its sign included), or CPython's
// ValueError when v has more digits than IntMaxStrDigits. The bit length
// bounds the digit count: an int surely within the limit is converted
// without a check, one surely over it is refused without a conversion, and
// only one of about the limit's digits is converted and then measured.
func bigDecimal(v *big.Int) (string, *BaseException) {
	lim := IntMaxStrDigits
	if lim > 0 {
		n := v.BitLen()
		// An n-bit int (n >= 1) has between floor((n-1)*log10(2))+1 and
		// floor(n*log10(2))+1 digits.
		if float64(n)*log10of2+1 > float64(lim) {
			if float64(n-1)*log10of2*(1-1e-12) >= float64(lim) {
				// More than lim digits for sure: no conversion.
				return "", intStrLimitErr()
			}
			s := v.String()
			d := len(s)
			if v.Sign() < 0 {
				d--
			}
			if d > lim {
				return "", intStrLimitErr()
			}
			return s, nil
		}
	}
	return v.String(), nil
}

// checkIntParseDigits is the limit of int(s) (base 10, or any base not a
// power of two) for digits digits.
func checkIntParseDigits(digits int, base int64) *BaseException {
	if lim := IntMaxStrDigits; lim > 0 && digits > lim && base&(base-1) != 0 {
		return Errorf(ValueErrorType, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", lim, digits)
	}
	return nil
}

// IntStr is str(v) (and repr(v)) of an unboxed int, with the ValueError
// of a big int of too many digits.
func IntStr(v IntVal) (Str, *BaseException) {
	if v.Big == nil {
		return Str(strconv.FormatInt(v.Small, 10)), nil
	}
	s, exc := bigDecimal(v.Big)
	return Str(s), exc
}

module github.com/async2go/async2go

go 1.24.0

require golang.org/x/tools v0.39.0

require (
	github.com/dave/jennifer v1.7.1 // indirect
	golang.org/x/text v0.31.0 // indirect
)

module conduit.bench/peers/go

go 1.19

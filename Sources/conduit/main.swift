print("conduit: under construction")

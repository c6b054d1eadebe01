// Placeholder: the target's tests land with its module.

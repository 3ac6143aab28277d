# Values for app.nomad.hcl's variables.
image_tag = "2.4.1"
replicas  = 3

environment = {
  LOG_LEVEL = "info"
  PORT      = "3000"
}
